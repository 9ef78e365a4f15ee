/** The Admin Area's pages and its own security chain, separate from the Client Area's. */
package app.roster.admin.web;
