package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;

/**
 * Who may change a user's own things (name, language, two-factor): the user themselves, or an Administrator.
 * Another user's id is none of a user's business and answers like a missing one.
 */
final class OwnAccess {

    private OwnAccess() {
    }

    static void requireSelfOrAdministrator(Actor actor, long userId) {
        switch (actor) {
            case Actor.User user -> requireSame(user.userId(), userId);
            case Actor.Member member -> requireSame(member.userId(), userId);
            case Actor.Staff _, Actor.ApiKey _ -> StaffOnly.requireAdministrator(actor);
            // A personal token automates an account; it never changes its user's own login.
            case Actor.Token _, Actor.System _ -> throw Refusal.forbidden("error.403.body");
        }
    }

    private static void requireSame(long actingUserId, long userId) {
        if (actingUserId != userId) {
            throw new NotFound();
        }
    }
}
