package app.roster.shared;

/** Who acts: implemented by the signed-in principals of the Client Area and the Admin Area. */
public interface Actor {

    enum Type { USER, STAFF, SYSTEM, ANONYMOUS }

    Type actorType();

    long actorId();

    String actorLabel();
}
