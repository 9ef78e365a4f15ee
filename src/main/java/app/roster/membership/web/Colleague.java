package app.roster.membership.web;

import app.roster.membership.Membership;
import app.roster.user.User;

/** Another user of the current account as the management pages show them: their membership and their name. */
public record Colleague(Membership membership, User user) {

    public long userId() {
        return user.id();
    }

    public String fullName() {
        return user.fullName();
    }

    public String email() {
        return user.email().value();
    }
}
