package app.roster.invitation.web;

import app.roster.account.AllowedDomainsRepository;
import app.roster.invitation.InvitationRefused;
import app.roster.invitation.InvitationSettings;
import app.roster.invitation.SendInvitation;
import app.roster.membership.PermissionCatalogue;
import app.roster.membership.web.PermissionPicker;
import app.roster.shared.CurrentAccount;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import app.roster.shared.Language;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Invite New User": every refusal of {@link SendInvitation} is shown next to its field, and nothing is sent. */
@Controller
class InviteController {

    private final InvitationSettings settings;
    private final SendInvitation sendInvitation;
    private final PermissionPicker picker;
    private final AllowedDomainsRepository allowedDomains;

    InviteController(SendInvitation sendInvitation, PermissionPicker picker, AllowedDomainsRepository allowedDomains,
            InvitationSettings settings) {
        this.settings = settings;
        this.sendInvitation = sendInvitation;
        this.picker = picker;
        this.allowedDomains = allowedDomains;
    }

    @GetMapping("/users/invite")
    String form(CurrentAccount current, @RequestParam(required = false) String email, Locale locale, Model model) {
        current.require(PermissionCatalogue.USERS);
        InviteForm form = InviteForm.in(Language.closest(locale));
        if (email != null && email.length() <= EmailAddress.MAX_LENGTH) {
            form.setEmail(email.strip());
        }
        model.addAttribute("form", form);
        return page(current, model);
    }

    @PostMapping("/users/invite")
    String send(CurrentAccount current, @ModelAttribute("form") InviteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        current.require(PermissionCatalogue.USERS);
        EmailAddress email;
        try {
            email = form.address();
        } catch (InvalidEmailAddressException e) {
            errors.rejectValue("email", e.messageKey());
            return page(current, model);
        }
        try {
            sendInvitation.send(current.actor(), current.accountId(), email, picker.requested(current, form),
                    form.invitee());
        } catch (InvitationRefused refused) {
            errors.rejectValue(refused.field(), refused.messageKey(), refused.arguments(), refused.messageKey());
            model.addAttribute("existingInvitationId", refused.existingInvitationId());
            return page(current, model);
        }
        redirect.addFlashAttribute("notice", "invites.sent");
        redirect.addFlashAttribute("noticeName", email.value());
        return "redirect:/users";
    }

    private String page(CurrentAccount current, Model model) {
        InviteForm form = (InviteForm) model.getAttribute("form");
        picker.show(current, form, model);
        model.addAttribute("account", current);
        model.addAttribute("languages", Language.values());
        model.addAttribute("allowedDomains", allowedDomains.of(current.accountId()).describe(", "));
        // The link's validity as the email gives it: whole days, or hours for part of a day.
        Duration validity = settings.validity();
        boolean days = validity.toHoursPart() == 0 && validity.toDays() > 0;
        model.addAttribute("validityDays", days ? validity.toDays() : null);
        model.addAttribute("validityHours", days ? null : Math.max(1, validity.toHours()));
        return "invitation/invite";
    }
}
