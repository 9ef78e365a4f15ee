/** Security events: refusals that leave no other trace, logged on one logger and counted, for the shell and every feature. */
package app.roster.security;
