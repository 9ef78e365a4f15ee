/** The audit module's REST endpoint: the trail, filtered and a keyset page at a time, for platform API keys. */
package app.roster.audit.api;
