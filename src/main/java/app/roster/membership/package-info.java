/** Memberships of users in client accounts, their permissions, the current account and the switcher. */
package app.roster.membership;
