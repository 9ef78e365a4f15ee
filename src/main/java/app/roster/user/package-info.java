/** Users: registration, login bookkeeping, email verification, password reset, two-factor and sessions. */
package app.roster.user;
