package app.roster.contact.web;

import app.roster.contact.AddContact;
import app.roster.contact.Category;
import app.roster.contact.ChangeContact;
import app.roster.contact.Contact;
import app.roster.contact.ContactId;
import app.roster.contact.ContactRefused;
import app.roster.contact.ResendConfirmation;
import app.roster.contact.Contacts;
import app.roster.contact.DeleteContact;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contacts of the current account: list, add, edit, delete. Needs the {@code contacts} permission. */
@Controller
class ContactsController {

    static final String PERMISSION = Contact.PERMISSION;
    static final int PAGE_SIZE = 25;

    private final Contacts contacts;
    private final AddContact addContact;
    private final ChangeContact changeContact;
    private final DeleteContact deleteContact;
    private final ResendConfirmation resendConfirmation;

    ContactsController(Contacts contacts, AddContact addContact, ChangeContact changeContact,
            DeleteContact deleteContact, ResendConfirmation resendConfirmation) {
        this.contacts = contacts;
        this.addContact = addContact;
        this.changeContact = changeContact;
        this.deleteContact = deleteContact;
        this.resendConfirmation = resendConfirmation;
    }

    @GetMapping("/contacts")
    String list(CurrentAccount current, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        current.require(PERMISSION);
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        Page.Request wanted = Page.Request.fromZero(Math.min(page, 100_000), PAGE_SIZE);
        model.addAttribute("contacts",
                wanted.probed(contacts.search(current.accountId(), query, PAGE_SIZE + 1, wanted.offset())));
        model.addAttribute("q", query);
        return "contact/list";
    }

    @GetMapping("/contacts/new")
    String newForm(CurrentAccount current, Model model) {
        current.require(PERMISSION);
        model.addAttribute("form", ContactForm.empty());
        return form(model, null);
    }

    @PostMapping("/contacts/new")
    String add(CurrentAccount current, @ModelAttribute("form") ContactForm form, BindingResult errors, Locale locale,
            Model model, RedirectAttributes redirect) {
        try {
            addContact.add(current.actor(), current.accountId(), form.toDetails(), locale);
        } catch (ContactRefused refused) {
            return refused(refused, errors, model, null);
        } catch (DuplicateKeyException raced) {
            return refused(new ContactRefused("email", "contact.error.duplicate"), errors, model, null);
        }
        redirect.addFlashAttribute("notice", "contact.added");
        return "redirect:/contacts";
    }

    @GetMapping("/contacts/{id}/edit")
    String editForm(CurrentAccount current, @PathVariable ContactId id, Model model) {
        current.require(PERMISSION);
        Contact contact = contacts.find(current.accountId(), id.value()).orElseThrow(NotFound::new);
        model.addAttribute("form", ContactForm.of(contact));
        return form(model, contact);
    }

    @PostMapping("/contacts/{id}/edit")
    String edit(CurrentAccount current, @PathVariable ContactId id, @ModelAttribute("form") ContactForm form,
            BindingResult errors, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            changeContact.change(current.actor(), current.accountId(), id.value(), form.toDetails(), locale);
        } catch (ContactRefused refused) {
            return refused(refused, errors, model, find(current, id));
        } catch (DuplicateKeyException raced) {
            return refused(new ContactRefused("email", "contact.error.duplicate"), errors, model, find(current, id));
        }
        redirect.addFlashAttribute("notice", "contact.saved");
        return "redirect:/contacts";
    }

    @GetMapping("/contacts/{id}/delete")
    String confirmDelete(CurrentAccount current, @PathVariable ContactId id, Model model) {
        current.require(PERMISSION);
        model.addAttribute("contact", contacts.find(current.accountId(), id.value()).orElseThrow(NotFound::new));
        return "contact/delete";
    }

    @PostMapping("/contacts/{id}/delete")
    String delete(CurrentAccount current, @PathVariable ContactId id, RedirectAttributes redirect) {
        deleteContact.delete(current.actor(), current.accountId(), id.value());
        redirect.addFlashAttribute("notice", "contact.deleted");
        return "redirect:/contacts";
    }

    @PostMapping("/contacts/{id}/confirmation")
    String resendConfirmation(CurrentAccount current, @PathVariable ContactId id, Locale locale,
            RedirectAttributes redirect) {
        try {
            resendConfirmation.resend(current.actor(), current.accountId(), id.value(), locale);
            redirect.addFlashAttribute("notice", "contact.confirmationSent");
        } catch (ContactRefused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/contacts";
    }

    private Contact find(CurrentAccount current, ContactId id) {
        return contacts.find(current.accountId(), id.value()).orElseThrow(NotFound::new);
    }

    private String refused(ContactRefused refused, BindingResult errors, Model model, Contact contact) {
        errors.rejectValue(refused.field(), refused.messageKey());
        return form(model, contact);
    }

    private String form(Model model, Contact contact) {
        model.addAttribute("contact", contact);
        model.addAttribute("categories", Category.values());
        return "contact/form";
    }
}
