/**
 * A two-module application that breaks its own declaration, so {@code ModularityTests} can show that a
 * dependency outside {@code allowedDependencies} is reported: billing declares it needs nothing, yet uses ledger.
 */
package app.roster.architecture.wrongarrow;
