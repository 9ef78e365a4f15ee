/**
 * The Client Area's Contacts pages, and the public confirm and unsubscribe links contacts receive by email.
 * The contact form is shared with the Admin Area's Contacts section, hence a named interface.
 */
@org.springframework.modulith.NamedInterface("web")
package app.roster.contact.web;
