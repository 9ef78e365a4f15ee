/** The audit trail: every change, written in the transaction of the change itself. */
package app.roster.audit;
