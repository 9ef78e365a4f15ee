/** Invitations by email: send, resend, cancel, edit, and acceptance by login or registration. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared",
        "security",
        "ratelimit",
        "user",
        "account",
        "membership",
        "membership :: web",
        "api",
        "idempotency"
})
package app.roster.invitation;
