/** Value types every feature uses: email addresses, one-time tokens, the client's IP address, typed ids, pages of lists. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package app.roster.shared;
