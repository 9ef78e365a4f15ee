package app.roster.invitation.web;

import app.roster.invitation.AcceptInvitation;
import app.roster.invitation.Acceptance;
import app.roster.invitation.InvitationView;
import app.roster.membership.AccountSelection;
import app.roster.ratelimit.LinkLookups;
import app.roster.user.ReturnAfterLogin;
import app.roster.user.SignedInUser;
import app.roster.user.UserSessions;
import app.roster.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invitation link. Opening it only shows the invitation (mail scanners follow links); accepting is an
 * explicit POST of a signed-in user, who may have logged in or registered right here with any address.
 */
@Controller
class AcceptInvitationController {

    static final String PAGE = "/invitations/accept";

    private final AcceptInvitation acceptInvitation;
    private final AccountSelection selection;
    private final ReturnAfterLogin returnAfterLogin;
    private final Users users;
    private final LinkLookups linkLookups;
    private final UserSessions sessions;

    AcceptInvitationController(AcceptInvitation acceptInvitation, AccountSelection selection,
            ReturnAfterLogin returnAfterLogin, Users users, LinkLookups linkLookups, UserSessions sessions) {
        this.linkLookups = linkLookups;
        this.sessions = sessions;
        this.acceptInvitation = acceptInvitation;
        this.selection = selection;
        this.returnAfterLogin = returnAfterLogin;
        this.users = users;
    }

    @GetMapping(path = PAGE, params = "token")
    String receive(@RequestParam String token, HttpSession session) {
        AcceptSessionToken.store(session, token);
        return "redirect:" + PAGE;
    }

    @GetMapping(PAGE)
    String show(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        Optional<InvitationView> view = AcceptSessionToken.of(session).flatMap(this::view);
        if (view.isEmpty()) {
            return "invitation/accept-invalid";
        }
        model.addAttribute("invitation", view.get());
        if (!view.get().open()) {
            return "invitation/accept-closed";
        }
        if (user == null) {
            returnAfterLogin.remember(session, PAGE);
            if (!model.containsAttribute("registration")) {
                AcceptRegistrationForm form = new AcceptRegistrationForm();
                form.setEmail(view.get().invitedEmail());
                model.addAttribute("registration", form);
            }
            return "invitation/accept";
        }
        users.findById(user.id()).ifPresent(me -> model.addAttribute("me", me));
        return "invitation/accept-confirm";
    }

    @PostMapping(PAGE)
    String accept(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model,
            RedirectAttributes redirect) {
        Optional<String> token = AcceptSessionToken.of(session);
        if (user == null || token.isEmpty()) {
            return "redirect:" + PAGE;
        }
        Optional<InvitationView> before = view(token.get());
        Acceptance acceptance = acceptInvitation.accept(user.actor(), token.get());
        before.ifPresent(view -> model.addAttribute("invitation", view));
        if (acceptance.outcome() == Acceptance.Outcome.DOMAIN_NOT_ALLOWED) {
            // Not final: the invitation is still open for a login inside the allowed domains.
            model.addAttribute("email", user.email());
            return "invitation/accept-domain";
        }
        AcceptSessionToken.clear(session);
        returnAfterLogin.forget(session);
        return switch (acceptance.outcome()) {
            case ACCEPTED, ALREADY_MEMBER -> joined(user, acceptance, session, model, redirect);
            case EXPIRED, CLOSED -> closed(token.get(), model);
            default -> "invitation/accept-invalid";
        };
    }

    /** Ends this login but keeps the invitation, so another person can log in or register to accept it. */
    @PostMapping(PAGE + "/logout")
    String logOut(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<String> token = AcceptSessionToken.of(request.getSession(false));
        if (user != null && request.getSession(false) != null) {
            sessions.loggedOut(user.id(), request.getSession(false).getId());
        }
        new SecurityContextLogoutHandler().logout(request, response,
                SecurityContextHolder.getContext().getAuthentication());
        token.ifPresent(value -> AcceptSessionToken.store(request.getSession(true), value));
        return "redirect:" + PAGE;
    }

    /** An unknown or tampered token counts against the IP's link budget; an expired or closed one is known. */
    private Optional<InvitationView> view(String token) {
        return linkLookups.lookUp(() -> acceptInvitation.view(token), Optional::isEmpty);
    }

    private String joined(SignedInUser user, Acceptance acceptance, HttpSession session, Model model,
            RedirectAttributes redirect) {
        if (acceptance.active() && selection.select(session, user, acceptance.accountId())) {
            redirect.addFlashAttribute("notice", "accept.joined");
            redirect.addFlashAttribute("noticeName",
                    model.getAttribute("invitation") instanceof InvitationView view ? view.accountName() : "");
            return "redirect:/";
        }
        // A restricted account: the membership waits until the in-domain address is verified.
        model.addAttribute("email", user.email());
        return "invitation/accept-waiting";
    }

    private String closed(String token, Model model) {
        Optional<InvitationView> now = acceptInvitation.view(token);
        if (now.isEmpty()) {
            return "invitation/accept-invalid";
        }
        model.addAttribute("invitation", now.get());
        return "invitation/accept-closed";
    }
}
