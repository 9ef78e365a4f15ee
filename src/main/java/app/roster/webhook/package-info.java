/**
 * Signed webhooks: endpoints of the platform, the events written in the transaction of each change, and their
 * ordered, retried delivery (Standard Webhooks signatures).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "api", "user", "account", "membership",
        "invitation", "contact", "staff"})
package app.roster.webhook;
