/** The Admin Area: the screens that look across client accounts, and the staff use cases that combine features. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared",
        "web",
        "security",
        "ratelimit",
        "audit",
        "user",
        "account",
        "membership",
        "membership :: web",
        "invitation",
        "contact",
        "contact :: web",
        "staff",
        "mail",
        "api"
})
package app.roster.admin;
