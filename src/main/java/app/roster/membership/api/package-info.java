/** The membership module's REST endpoints: the permission catalogue, a member's permissions, batch access checks. */
package app.roster.membership.api;
