/** The Admin Area's REST endpoints: the staff use cases a platform API key calls, such as adding a user directly. */
package app.roster.admin.api;
