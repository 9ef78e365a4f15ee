package app.roster.membership.web;

import app.roster.membership.AccountSelection;
import app.roster.membership.Memberships;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import app.roster.user.SignedInUser;
import app.roster.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the header to every Client Area page of a signed-in user. */
@ControllerAdvice
class HeaderAdvice {

    /** The switcher lists this many accounts; the chooser page shows them all, paginated. */
    private static final int SWITCHER_SIZE = 10;

    private final Users users;
    private final Memberships memberships;
    private final AccountSelection selection;

    HeaderAdvice(Users users, Memberships memberships, AccountSelection selection) {
        this.users = users;
        this.memberships = memberships;
        this.selection = selection;
    }

    @ModelAttribute("header")
    Header header(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser principal)
                || request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
            return null;
        }
        return users.findById(principal.id()).map(user -> {
            Optional<CurrentAccount> current = selection.current(request.getSession(false), principal);
            var accounts = memberships.forUser(user.id(), SWITCHER_SIZE, 0).stream()
                    .map(m -> new Header.AccountChoice(m.accountId(), m.accountName())).toList();
            return new Header(user.firstName(), user.emailVerified(), accounts,
                    current.map(CurrentAccount::accountId).orElse(null),
                    current.map(CurrentAccount::accountName).orElse(null),
                    current.map(c -> c.may(PermissionCatalogue.PROFILE)).orElse(false),
                    current.map(c -> c.may(PermissionCatalogue.USERS)).orElse(false),
                    current.map(c -> c.may(PermissionCatalogue.CONTACTS)).orElse(false));
        }).orElse(null);
    }
}
