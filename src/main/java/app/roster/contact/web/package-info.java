/** The Client Area's Contacts pages, and the public confirm and unsubscribe links contacts receive by email. */
package app.roster.contact.web;
