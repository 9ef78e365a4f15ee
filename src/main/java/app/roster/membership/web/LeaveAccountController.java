package app.roster.membership.web;

import app.roster.membership.LeaveAccount;
import app.roster.membership.MembershipRefused;
import app.roster.shared.CurrentAccount;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Leave this account", for any user but the owner, with a confirmation step. */
@Controller
class LeaveAccountController {

    private final LeaveAccount leaveAccount;

    LeaveAccountController(LeaveAccount leaveAccount) {
        this.leaveAccount = leaveAccount;
    }

    @GetMapping("/leave")
    String confirm(CurrentAccount current, Model model) {
        if (current.owner()) {
            throw new MembershipRefused("membership.refused.ownerLeaves");
        }
        model.addAttribute("account", current);
        return "membership/leave";
    }

    @PostMapping("/leave")
    String leave(CurrentAccount current, RedirectAttributes redirect) {
        leaveAccount.leave(current.actor(), current.accountId());
        redirect.addFlashAttribute("notice", "leave.done");
        redirect.addFlashAttribute("noticeName", current.accountName());
        return "redirect:/accounts";
    }
}
