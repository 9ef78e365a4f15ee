/** The audit trail: every change, written in the transaction of the change itself. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "api"})
package app.roster.audit;
