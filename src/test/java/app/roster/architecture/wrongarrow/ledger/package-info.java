@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package app.roster.architecture.wrongarrow.ledger;
