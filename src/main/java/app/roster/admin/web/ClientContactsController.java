package app.roster.admin.web;

import app.roster.account.AccountId;
import app.roster.account.ClientDetails;
import app.roster.staff.SignedInStaff;
import app.roster.contact.AddContact;
import app.roster.contact.Category;
import app.roster.contact.ChangeContact;
import app.roster.contact.Contact;
import app.roster.contact.ContactId;
import app.roster.contact.ContactRefused;
import app.roster.contact.Contacts;
import app.roster.contact.DeleteContact;
import app.roster.contact.web.ContactForm;
import app.roster.staff.AdministratorsOnly;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff "Add Contact", "Edit" and "Delete" on a client's contacts, through the contact module's use cases:
 * the same validation, confirmation email and audit (the staff member as actor). Another client's contact is 404.
 */
@Controller
class ClientContactsController {

    private static final String CONTACTS = "/admin/clients/{id}/contacts";
    private static final String CONTACT = CONTACTS + "/{contactId}";

    private final StaffClients clients;
    private final Contacts contacts;
    private final AddContact addContact;
    private final ChangeContact changeContact;
    private final DeleteContact deleteContact;

    ClientContactsController(StaffClients clients, Contacts contacts, AddContact addContact,
            ChangeContact changeContact, DeleteContact deleteContact) {
        this.clients = clients;
        this.contacts = contacts;
        this.addContact = addContact;
        this.changeContact = changeContact;
        this.deleteContact = deleteContact;
    }

    @AdministratorsOnly
    @GetMapping(CONTACTS + "/new")
    String newForm(@PathVariable AccountId id, Model model) {
        ClientDetails client = clients.activeClient(id);
        model.addAttribute("form", ContactForm.empty());
        return form(model, client, null);
    }

    @PostMapping(CONTACTS + "/new")
    String add(@PathVariable AccountId id, @ModelAttribute("form") ContactForm form, BindingResult errors,
            Locale locale, @AuthenticationPrincipal SignedInStaff staff, Model model, RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        try {
            addContact.add(clients.actorOf(staff), client.id(), form.toDetails(), locale);
        } catch (ContactRefused refused) {
            return refused(refused, errors, model, client, null);
        } catch (DuplicateKeyException raced) {
            return refused(new ContactRefused("email", "contact.error.duplicate"), errors, model, client, null);
        }
        redirect.addFlashAttribute("notice", "admin.contacts.added");
        redirect.addFlashAttribute("noticeName", form.getEmail().strip());
        return contactsSection(client);
    }

    @AdministratorsOnly
    @GetMapping(CONTACT + "/edit")
    String editForm(@PathVariable AccountId id, @PathVariable ContactId contactId, Model model) {
        ClientDetails client = clients.activeClient(id);
        Contact contact = contactOf(client, contactId);
        model.addAttribute("form", ContactForm.of(contact));
        return form(model, client, contact);
    }

    @PostMapping(CONTACT + "/edit")
    String edit(@PathVariable AccountId id, @PathVariable ContactId contactId, @ModelAttribute("form") ContactForm form,
            BindingResult errors, Locale locale, @AuthenticationPrincipal SignedInStaff staff, Model model,
            RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        Contact contact = contactOf(client, contactId);
        try {
            changeContact.change(clients.actorOf(staff), client.id(), contact.id(), form.toDetails(), locale);
        } catch (ContactRefused refused) {
            return refused(refused, errors, model, client, contact);
        } catch (DuplicateKeyException raced) {
            return refused(new ContactRefused("email", "contact.error.duplicate"), errors, model, client, contact);
        }
        redirect.addFlashAttribute("notice", "admin.contacts.saved");
        redirect.addFlashAttribute("noticeName", form.getEmail().strip());
        return contactsSection(client);
    }

    @AdministratorsOnly
    @GetMapping(CONTACT + "/delete")
    String confirmDelete(@PathVariable AccountId id, @PathVariable ContactId contactId, Model model) {
        ClientDetails client = clients.activeClient(id);
        model.addAttribute("client", client);
        model.addAttribute("contact", contactOf(client, contactId));
        return "admin/delete-contact";
    }

    @PostMapping(CONTACT + "/delete")
    String delete(@PathVariable AccountId id, @PathVariable ContactId contactId,
            @AuthenticationPrincipal SignedInStaff staff, RedirectAttributes redirect) {
        ClientDetails client = clients.activeClient(id);
        Contact contact = contactOf(client, contactId);
        deleteContact.delete(clients.actorOf(staff), client.id(), contact.id());
        redirect.addFlashAttribute("notice", "admin.contacts.deleted");
        redirect.addFlashAttribute("noticeName", contact.details().email().value());
        return contactsSection(client);
    }

    /** A malformed id, or a contact of another client, is 404. */
    private Contact contactOf(ClientDetails client, ContactId contactId) {
        return contacts.find(client.id(), contactId.value()).orElseThrow(ClientNotFoundException::new);
    }

    private String refused(ContactRefused refused, BindingResult errors, Model model, ClientDetails client,
            Contact contact) {
        errors.rejectValue(refused.field(), refused.messageKey());
        return form(model, client, contact);
    }

    private static String form(Model model, ClientDetails client, Contact contact) {
        model.addAttribute("client", client);
        model.addAttribute("contact", contact);
        model.addAttribute("categories", Category.values());
        return "admin/contact-form";
    }

    private static String contactsSection(ClientDetails client) {
        return StaffClients.contactsTab(client);
    }
}
