/** Rate limits kept in the shared database, so they hold across every node. */
package app.roster.ratelimit;
