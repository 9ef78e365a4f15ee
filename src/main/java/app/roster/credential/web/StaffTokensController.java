package app.roster.credential.web;

import app.roster.user.UserId;
import app.roster.credential.TokenId;
import app.roster.credential.PersonalToken;
import app.roster.credential.PersonalTokenDirectory;
import app.roster.credential.RevokePersonalToken;
import app.roster.shared.NotFound;
import app.roster.staff.AdministratorsOnly;
import app.roster.staff.SignedInStaff;
import app.roster.user.User;
import app.roster.user.Users;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's personal access tokens in the Admin Area (linked from the user's page): staff read, Administrators revoke. */
@Controller
class StaffTokensController {

    private static final String TOKENS = "/admin/users/{userId}/tokens";

    private final Users users;
    private final PersonalTokenDirectory directory;
    private final RevokePersonalToken revoke;
    private final TokenRows rows;
    private final StaffActors actors;

    StaffTokensController(Users users, PersonalTokenDirectory directory, RevokePersonalToken revoke, TokenRows rows,
            StaffActors actors) {
        this.users = users;
        this.directory = directory;
        this.revoke = revoke;
        this.rows = rows;
        this.actors = actors;
    }

    @GetMapping(TOKENS)
    String list(@PathVariable UserId userId, @AuthenticationPrincipal SignedInStaff me, Locale locale, Model model) {
        User user = user(userId.value());
        model.addAttribute("user", user);
        model.addAttribute("tokens", rows.of(directory.ofUser(actors.of(me), userId.value()), locale));
        return "credential/user-tokens";
    }

    @GetMapping(TOKENS + "/{tokenId}/revoke")
    @AdministratorsOnly
    String confirm(@PathVariable UserId userId, @PathVariable TokenId tokenId, @AuthenticationPrincipal SignedInStaff me,
            Locale locale, Model model) {
        User user = user(userId.value());
        model.addAttribute("user", user);
        model.addAttribute("row", rows.of(java.util.List.of(token(me, userId.value(), tokenId.value())), locale).getFirst());
        return "credential/user-token-revoke";
    }

    @PostMapping(TOKENS + "/{tokenId}/revoke")
    String revoke(@PathVariable UserId userId, @PathVariable TokenId tokenId, @AuthenticationPrincipal SignedInStaff me,
            RedirectAttributes redirect) {
        PersonalToken token = token(me, userId.value(), tokenId.value());
        revoke.revoke(actors.of(me), tokenId.value());
        redirect.addFlashAttribute("notice", "tokens.revoked");
        redirect.addFlashAttribute("noticeName", token.name());
        return "redirect:/admin/users/" + userId.value() + "/tokens";
    }

    private User user(long userId) {
        return users.findById(userId).orElseThrow(NotFound::new);
    }

    /** The token, when it is this user's: another user's token id answers 404 here. */
    private PersonalToken token(SignedInStaff me, long userId, long tokenId) {
        PersonalToken token = directory.find(actors.of(me), tokenId);
        if (token.userId() != userId) {
            throw new NotFound();
        }
        return token;
    }
}
