/** Client accounts: the billing entity, its profile and its owner. */
package app.roster.account;
