/** Value types every feature uses: email addresses, one-time tokens, the client's IP address. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package app.roster.shared;
