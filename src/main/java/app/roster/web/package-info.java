/** The shell: page layout, security chains, error pages, locale, client IP and security headers. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package app.roster.web;
