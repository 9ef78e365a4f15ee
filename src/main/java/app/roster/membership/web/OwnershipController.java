package app.roster.membership.web;

import app.roster.membership.MembershipRefused;
import app.roster.membership.TransferOwnership;
import app.roster.shared.CurrentAccount;
import app.roster.user.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner hands the account to another of its users, after re-entering their password. */
@Controller
class OwnershipController {

    private final Colleagues colleagues;
    private final TransferOwnership transferOwnership;

    OwnershipController(Colleagues colleagues, TransferOwnership transferOwnership) {
        this.colleagues = colleagues;
        this.transferOwnership = transferOwnership;
    }

    @GetMapping("/users/{userId}/make-owner")
    String confirm(CurrentAccount current, @PathVariable UserId userId, Model model) {
        Colleague colleague = requireOwnerAndColleague(current, userId);
        model.addAttribute("colleague", colleague);
        model.addAttribute("account", current);
        model.addAttribute("form", new TransferOwnershipForm());
        return "membership/make-owner";
    }

    @PostMapping("/users/{userId}/make-owner")
    String transfer(CurrentAccount current, @PathVariable UserId userId,
            @ModelAttribute("form") TransferOwnershipForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Colleague colleague = requireOwnerAndColleague(current, userId);
        try {
            transferOwnership.transfer(current.actor(), current.accountId(), userId.value(), form.getCurrentPassword());
        } catch (MembershipRefused refused) {
            if (refused.field() == null) {
                throw refused;
            }
            errors.rejectValue(refused.field(), refused.messageKey());
            form.setCurrentPassword(null);
            model.addAttribute("colleague", colleague);
            model.addAttribute("account", current);
            return "membership/make-owner";
        }
        redirect.addFlashAttribute("notice", "owner.transferred");
        redirect.addFlashAttribute("noticeName", colleague.fullName());
        return "redirect:/users";
    }

    /** The target is looked up first, so a foreign id is a 404 for everyone; then only the owner goes on. */
    private Colleague requireOwnerAndColleague(CurrentAccount current, UserId userId) {
        Colleague colleague = colleagues.find(current, userId.value());
        if (!current.owner()) {
            throw new MembershipRefused("membership.refused.notOwner");
        }
        if (userId.value() == current.userId()) {
            throw new MembershipRefused("membership.refused.self");
        }
        return colleague;
    }
}
