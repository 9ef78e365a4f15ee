/** The Admin Area: staff, their own login and first-login setup, and the screens that look across client accounts. */
package app.roster.admin;
