/** Value types every feature uses: email addresses, one-time tokens, the client's IP address. */
package app.roster.shared;
