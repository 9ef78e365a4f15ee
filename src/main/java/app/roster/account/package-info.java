/** Client accounts: the billing entity, its profile and its owner. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "user", "api"})
package app.roster.account;
