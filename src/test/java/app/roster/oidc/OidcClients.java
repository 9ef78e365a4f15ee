package app.roster.oidc;

import app.roster.oidc.RegisterClient.NewClient;
import app.roster.oidc.RegisterClient.Registered;
import app.roster.shared.Actor;
import java.util.Set;

/** Clients registered for a test, the way an Administrator registers them. */
final class OidcClients {

    static final Actor ADMINISTRATOR = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada Admin",
            "ada@example.com");
    static final String REDIRECT = "http://127.0.0.1:9/callback";

    private OidcClients() {
    }

    static Registered confidential(RegisterClient register, String scopes) {
        return register.register(ADMINISTRATOR, new NewClient("Billing", true, true, null, Set.of(REDIRECT),
                Set.of("http://127.0.0.1:9/signed-out"), null, Set.of(scopes.split(" ")), true, Set.of()));
    }

    /** A third-party application: it asks for consent, and may receive only {@code permissions}. */
    static Registered thirdParty(RegisterClient register, String scopes, String... permissions) {
        return register.register(ADMINISTRATOR, new NewClient("Status Page", true, false, null, Set.of(REDIRECT),
                Set.of(), null, Set.of(scopes.split(" ")), false, Set.of(permissions)));
    }

    static Registered publicClient(RegisterClient register, String scopes) {
        return register.register(ADMINISTRATOR, new NewClient("Panel", false, true, null, Set.of(REDIRECT), Set.of(),
                null, Set.of(scopes.split(" ")), false, Set.of()));
    }
}
