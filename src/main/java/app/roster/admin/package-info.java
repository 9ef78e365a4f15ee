/** The Admin Area: the screens that look across client accounts, and the staff use cases that combine features. */
package app.roster.admin;
