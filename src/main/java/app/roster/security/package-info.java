/** Security events: refusals that leave no other trace, logged on one logger and counted, for the shell and every feature. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package app.roster.security;
