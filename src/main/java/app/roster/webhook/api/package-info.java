/** The webhook module's REST endpoints: endpoints, their secrets, test events and the delivery log. */
package app.roster.webhook.api;
