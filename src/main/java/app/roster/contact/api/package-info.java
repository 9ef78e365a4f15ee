/** The contact module's REST endpoints: an account's contacts and who receives each category of its mail. */
package app.roster.contact.api;
