package app.roster.account.web;

import app.roster.account.AccountProfileForm;
import app.roster.account.Accounts;
import app.roster.account.UpdateAccountProfile;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The current account's details; viewing and changing them needs the {@code profile} permission. */
@Controller
class AccountProfileController {

    static final String PERMISSION = "profile";

    private final Accounts accounts;
    private final UpdateAccountProfile updateProfile;

    AccountProfileController(Accounts accounts, UpdateAccountProfile updateProfile) {
        this.accounts = accounts;
        this.updateProfile = updateProfile;
    }

    @GetMapping("/account")
    String show(CurrentAccount current, Model model) {
        current.require(PERMISSION);
        var account = accounts.findById(current.accountId()).orElseThrow(NotFound::new);
        model.addAttribute("account", account);
        model.addAttribute("form", AccountProfileForm.of(account.profile()));
        return "account/profile";
    }

    @PostMapping("/account")
    String update(CurrentAccount current, @Valid @ModelAttribute("form") AccountProfileForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            current.require(PERMISSION);
            model.addAttribute("account", accounts.findById(current.accountId()).orElseThrow(NotFound::new));
            return "account/profile";
        }
        updateProfile.update(current.actor(), current.accountId(), form.toProfile());
        redirect.addFlashAttribute("notice", "account.saved");
        return "redirect:/account";
    }
}
