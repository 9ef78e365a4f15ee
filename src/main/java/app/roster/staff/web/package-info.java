/** The Admin Area's security chain and the pages of a staff member's own login: sign-in, two-factor, set-password. */
package app.roster.staff.web;
