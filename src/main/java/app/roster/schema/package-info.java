/** The database schema's migration history: what keeps a database of an earlier release upgrading. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package app.roster.schema;
