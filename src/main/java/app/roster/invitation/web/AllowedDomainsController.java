package app.roster.invitation.web;

import app.roster.account.AllowedDomains;
import app.roster.account.AllowedDomainsRepository;
import app.roster.account.RestrictDomains;
import app.roster.shared.CurrentAccount;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rule 6 for the owner: the email domains this account may invite. Anyone else gets 403. */
@Controller
class AllowedDomainsController {

    private final AllowedDomainsRepository allowedDomains;
    private final RestrictDomains restrictDomains;

    AllowedDomainsController(AllowedDomainsRepository allowedDomains, RestrictDomains restrictDomains) {
        this.allowedDomains = allowedDomains;
        this.restrictDomains = restrictDomains;
    }

    @GetMapping("/account/domains")
    String show(CurrentAccount current, Model model) {
        requireOwner(current);
        model.addAttribute("form", AllowedDomainsForm.of(allowedDomains.of(current.accountId())));
        model.addAttribute("account", current);
        return "invitation/domains";
    }

    @PostMapping("/account/domains")
    String save(CurrentAccount current, @ModelAttribute("form") AllowedDomainsForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        requireOwner(current);
        form.firstInvalid().ifPresent(line -> errors.rejectValue("domains", "domains.invalid", new Object[] {line}, null));
        AllowedDomains domains = errors.hasErrors() ? AllowedDomains.NONE : form.toAllowedDomains();
        if (domains.rules().size() > AllowedDomains.MAX_RULES) {
            errors.rejectValue("domains", "domains.tooMany", new Object[] {AllowedDomains.MAX_RULES}, null);
        }
        if (errors.hasErrors()) {
            model.addAttribute("account", current);
            return "invitation/domains";
        }
        restrictDomains.restrict(current.actor(), current.accountId(), domains);
        redirect.addFlashAttribute("notice", domains.restricted() ? "domains.saved" : "domains.cleared");
        return "redirect:/account/domains";
    }

    private static void requireOwner(CurrentAccount current) {
        if (!current.owner()) {
            throw new CurrentAccount.PermissionDenied("owner");
        }
    }
}
