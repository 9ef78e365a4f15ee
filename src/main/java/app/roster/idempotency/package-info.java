/** Idempotency-Key for the API's POSTs: the first answer kept per principal and key, given again to a retry. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package app.roster.idempotency;
