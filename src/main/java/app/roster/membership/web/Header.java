package app.roster.membership.web;

import java.util.List;

/** What the page header shows for a signed-in user: greeting, verification notice, account switcher. */
public record Header(String firstName, boolean emailVerified, List<AccountChoice> accounts, Long currentAccountId,
        String currentAccountName) {

    /** An entry of the switcher. */
    public record AccountChoice(long id, String name) {
    }
}
