package app.roster.shared;

/**
 * A typed id that is a token of one fixed form rather than a number (an OpenID Connect client id, which the
 * protocol names by text). Like {@link Id}, each type has its path converter, and a path that is not of the
 * form names nothing: it answers {@link NotFound}, exactly like an id that does not exist.
 */
public interface TextId {

    String value();
}
