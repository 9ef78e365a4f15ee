package app.roster.membership.web;

import java.util.List;

/**
 * What the page header shows for a signed-in user: greeting, verification notice, account switcher, and the
 * user menu's account pages this user may open ({@code profile}, {@code users}, {@code contacts}).
 */
public record Header(String firstName, boolean emailVerified, List<AccountChoice> accounts, Long currentAccountId,
        String currentAccountName, boolean accountProfile, boolean manageUsers, boolean manageContacts) {

    /** An entry of the switcher. */
    public record AccountChoice(long id, String name) {
    }
}
