package app.roster.contact.web;

import app.roster.account.Accounts;
import app.roster.contact.Category;
import app.roster.contact.ConfirmContact;
import app.roster.contact.Contact;
import app.roster.contact.Unsubscribe;
import app.roster.ratelimit.LinkLookups;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The links contacts receive, usable without logging in. A GET only shows a button (mail scanners follow
 * links), the POST acts. The unsubscribe POST is also the RFC 8058 one-click target, exempt from CSRF:
 * the unguessable token in the URL is its authority.
 */
@Controller
class ContactLinksController {

    private final ConfirmContact confirmContact;
    private final Unsubscribe unsubscribe;
    private final Accounts accounts;
    private final MessageSource messages;
    private final LinkLookups linkLookups;

    ContactLinksController(ConfirmContact confirmContact, Unsubscribe unsubscribe, Accounts accounts,
            MessageSource messages, LinkLookups linkLookups) {
        this.linkLookups = linkLookups;
        this.confirmContact = confirmContact;
        this.unsubscribe = unsubscribe;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/contacts/confirm")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response,
            Locale locale) {
        Optional<Contact> contact = linkLookups.lookUp(() -> confirmContact.pending(token), Optional::isEmpty);
        if (contact.isEmpty()) {
            return invalid(response);
        }
        Contact c = contact.get();
        model.addAttribute("token", token);
        model.addAttribute("accountName", accountName(c.accountId()));
        model.addAttribute("email", c.details().email().value());
        model.addAttribute("categories", c.details().subscriptions().stream().sorted()
                .map(cat -> messages.getMessage("contact.category." + cat.code(), null, locale))
                .collect(Collectors.joining(", ")));
        return "contact/confirm";
    }

    @PostMapping("/contacts/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!linkLookups.lookUp(() -> confirmContact.confirm(token), confirmed -> !confirmed)) {
            return invalid(response);
        }
        model.addAttribute("done", true);
        return "contact/confirm";
    }

    @GetMapping("/contacts/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model,
            HttpServletResponse response, Locale locale) {
        Optional<Unsubscribe.Target> target = target(token);
        if (target.isEmpty()) {
            return invalid(response);
        }
        describe(target.get(), model, locale);
        model.addAttribute("token", token);
        return "contact/unsubscribe";
    }

    @PostMapping("/contacts/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response,
            Locale locale) {
        Optional<Unsubscribe.Target> target = target(token);
        if (target.isEmpty() || !unsubscribe.unsubscribe(token)) {
            return invalid(response);
        }
        describe(target.get(), model, locale);
        model.addAttribute("done", true);
        return "contact/unsubscribe";
    }

    /** An unknown or tampered token counts against the IP's link budget (unsubscribe links never expire). */
    private Optional<Unsubscribe.Target> target(String token) {
        return linkLookups.lookUp(() -> unsubscribe.target(token), Optional::isEmpty);
    }

    private void describe(Unsubscribe.Target target, Model model, Locale locale) {
        Category category = target.category();
        model.addAttribute("category", messages.getMessage("contact.category." + category.code(), null, locale));
        model.addAttribute("accountName", accountName(target.contact().accountId()));
        model.addAttribute("email", target.contact().details().email().value());
    }

    private String accountName(long accountId) {
        return accounts.findById(accountId).map(a -> a.name()).orElse("");
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "contact/link-invalid";
    }
}
