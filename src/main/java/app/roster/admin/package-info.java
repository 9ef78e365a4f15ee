/** The Admin Area: the screens that look across client accounts, and the staff use cases that combine features. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared",
        "web",
        "security",
        "ratelimit",
        "audit",
        "api",
        "user",
        "user :: api",
        "account",
        "account :: api",
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
