package app.roster.user;

import app.roster.shared.EmailAddress;
import java.util.Optional;

/**
 * A rule of a module above this one on the address a user may move to, such as the allowed email domains
 * of the client accounts they belong to. Asked before a change is requested, again when its link is used,
 * and when staff set an address.
 */
public interface EmailChangeRule {

    /** The problem with {@code newEmail} for this user, or empty when this rule admits it. */
    Optional<FieldProblem> refusal(long userId, EmailAddress newEmail);
}
