/** The shell: page layout, security chains, error pages, locale, client IP and security headers. */
package app.roster.web;
