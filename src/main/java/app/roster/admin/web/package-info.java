/** The Admin Area's pages; its security chain and login pages belong to the staff module. */
package app.roster.admin.web;
