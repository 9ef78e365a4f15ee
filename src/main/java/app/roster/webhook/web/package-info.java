/** The Admin Area's "Webhooks" pages: endpoints, their secret (shown once), the delivery log and redeliveries. */
package app.roster.webhook.web;
