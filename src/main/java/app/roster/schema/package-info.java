/** The database schema's migration history: what keeps a database of an earlier release upgrading. */
package app.roster.schema;
