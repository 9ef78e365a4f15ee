/**
 * The membership module's REST endpoints: the permission catalogue, an account's members and their permissions,
 * batch access checks, removing, leaving and ownership.
 */
package app.roster.membership.api;
