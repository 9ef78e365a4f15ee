/** The credential module's REST endpoints: revoking personal access tokens. */
package app.roster.credential.api;
