/** Contacts of an account: people who cannot log in and only receive the notifications they subscribe to. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared",
        "security",
        "ratelimit",
        "user",
        "account",
        "api"
})
package app.roster.contact;
