package app.roster.membership;

import app.roster.shared.CurrentAccount;
import app.roster.user.SignedInUser;
import app.roster.user.StartPage;
import app.roster.user.Users;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account selected for the session. The session keeps only the id; the membership is read again on
 * every request, so a lost membership takes effect on the very next one.
 */
@Component
public class AccountSelection implements StartPage {

    static final String SESSION_KEY = AccountSelection.class.getName();
    /** Set when the selected account stopped being the user's; the chooser shows a notice and clears it. */
    public static final String ACCOUNT_GONE = AccountSelection.class.getName() + ".GONE";
    private static final String CHECKED = AccountSelection.class.getName() + ".CHECKED";
    /** The MDC key of the current account, as structured logs show it. */
    static final String LOG_KEY = "roster.account.id";

    private final Memberships memberships;
    private final Users users;

    AccountSelection(Memberships memberships, Users users) {
        this.memberships = memberships;
        this.users = users;
    }

    /**
     * The membership is read once per request (the controller and the page header both ask) and never
     * kept longer, so a change takes effect on the next request.
     */
    public Optional<CurrentAccount> current(HttpSession session, SignedInUser user) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST)
                instanceof CheckedThisRequest checked && checked.userId() == user.id()) {
            return checked.current();
        }
        Optional<CurrentAccount> current = check(session, user);
        // Every later log line of the request names the account (the web shell clears it when the request ends).
        current.ifPresent(account -> MDC.put(LOG_KEY, Long.toString(account.accountId())));
        if (request != null) {
            request.setAttribute(CHECKED, new CheckedThisRequest(user.id(), current), RequestAttributes.SCOPE_REQUEST);
        }
        return current;
    }

    private record CheckedThisRequest(long userId, Optional<CurrentAccount> current) {
    }

    private Optional<CurrentAccount> check(HttpSession session, SignedInUser user) {
        if (session == null || !(session.getAttribute(SESSION_KEY) instanceof Long accountId)) {
            return Optional.empty();
        }
        Optional<Membership> membership = memberships.find(accountId, user.id());
        if (membership.isEmpty()) {
            // The account is gone (removed, left, closed): the chooser says so once.
            session.removeAttribute(SESSION_KEY);
            session.setAttribute(ACCOUNT_GONE, Boolean.TRUE);
        }
        return membership.map(m -> new CurrentAccount(m.accountId(), m.accountName(), m.userId(), m.owner(),
                m.permissions(), user.email()));
    }

    /** Selects the account if the user belongs to it; remembers it as the last used. */
    public boolean select(HttpSession session, SignedInUser user, long accountId) {
        if (memberships.find(accountId, user.id()).isEmpty()) {
            return false;
        }
        session.setAttribute(SESSION_KEY, accountId);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST);
        }
        users.rememberAccount(user.id(), accountId);
        return true;
    }

    /**
     * At login, a user of one account has it selected at once (the two reads that find it are the only ones);
     * a user of several keeps no selection, so the start page sends them to the chooser.
     */
    @Override
    public boolean selectOnlyAccount(HttpSession session, SignedInUser user) {
        List<Membership> firstTwo = memberships.forUser(user.id(), 2, 0);
        if (firstTwo.size() != 1) {
            return false;
        }
        long accountId = firstTwo.getFirst().accountId();
        session.setAttribute(SESSION_KEY, accountId);
        users.rememberAccount(user.id(), accountId);
        return true;
    }

    /** The account the user selected last, while they still belong to it: the chooser lists it first. */
    public Optional<Membership> lastUsed(SignedInUser user) {
        return users.findById(user.id()).map(u -> u.lastAccountId())
                .flatMap(last -> memberships.find(last, user.id()));
    }

    /**
     * Without a choice in this session: the only account, or the last used one if still a member; empty when the
     * user must choose.
     */
    public Optional<Long> automaticChoice(SignedInUser user) {
        List<Membership> firstTwo = memberships.forUser(user.id(), 2, 0);
        if (firstTwo.size() == 1) {
            return Optional.of(firstTwo.getFirst().accountId());
        }
        return lastUsed(user).map(Membership::accountId);
    }
}
