package app.roster.oidc;

import app.roster.membership.PermissionCatalogue;
import app.roster.oidc.RegisterClient.ClientRefused;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator changes a registered client, by the rules of {@link RegisterClient}. Its type (confidential
 * or public), client id, secret and grant types stay: a client that signs users in keeps at least one redirect
 * URI. A client made third-party asks for consent at its users' next sign-in; what they consented to before stays.
 */
@Service
public class UpdateClient {

    private final RegisteredClientRepository clients;
    private final PermissionCatalogue catalogue;
    private final ApplicationEventPublisher events;

    UpdateClient(RegisteredClientRepository clients, PermissionCatalogue catalogue, ApplicationEventPublisher events) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.events = events;
    }

    /** The client as it should be; every field is replaced. */
    public record Changes(String name, String logoUri, Set<String> redirectUris, Set<String> postLogoutRedirectUris,
            String backChannelLogoutUri, Set<String> scopes, boolean firstParty, Set<String> permissions) {
    }

    @Transactional
    public OidcClient update(Actor actor, String id, Changes changes) {
        StaffOnly.requireAdministrator(actor);
        RegisteredClient existing = id == null ? null : clients.findById(id);
        if (existing == null) {
            throw new NotFound();
        }
        OidcClient before = OidcClient.of(existing);
        String name = RegisterClient.requireName(changes.name());
        Set<String> scopes = RegisterClient.requireScopes(changes.scopes());
        Set<String> redirects = RegisterClient.uris(changes.redirectUris(), "redirectUris");
        if (redirects.isEmpty() && before.signsUsersIn()) {
            throw new ClientRefused("redirectUris", "oidc.error.redirectUrisKept");
        }
        Set<String> postLogout = RegisterClient.uris(changes.postLogoutRedirectUris(), "postLogoutRedirectUris");
        String backChannel = RegisterClient.optionalUri(changes.backChannelLogoutUri(), "backChannelLogoutUri");
        String logo = RegisterClient.optionalUri(changes.logoUri(), "logoUri");
        Set<String> permissions = catalogue.requireKnown(
                changes.permissions() == null ? Set.of() : changes.permissions());

        Map<String, Object> settings = new LinkedHashMap<>(existing.getClientSettings().getSettings());
        settings.put(OidcClient.FIRST_PARTY, changes.firstParty());
        settings.put(OidcClient.PERMISSIONS, String.join(",", permissions));
        putOrRemove(settings, OidcClient.LOGO_URI, logo);
        putOrRemove(settings, OidcClient.BACK_CHANNEL_LOGOUT_URI, backChannel);
        RegisteredClient updated = RegisteredClient.from(existing)
                .clientName(name)
                .redirectUris(uris -> {
                    uris.clear();
                    uris.addAll(before.signsUsersIn() ? redirects : Set.of());
                })
                .postLogoutRedirectUris(uris -> {
                    uris.clear();
                    uris.addAll(postLogout);
                })
                .scopes(all -> {
                    all.clear();
                    all.addAll(scopes);
                })
                .clientSettings(ClientSettings.withSettings(settings)
                        .requireAuthorizationConsent(!changes.firstParty()).build())
                .build();
        clients.save(updated);
        OidcClient after = OidcClient.of(updated);
        Map<String, String> changed = changes(before, after);
        if (!changed.isEmpty()) {
            events.publishEvent(new OidcEvents.ClientUpdated(after, changed, actor));
        }
        return after;
    }

    private static void putOrRemove(Map<String, Object> settings, String key, String value) {
        if (value == null) {
            settings.remove(key);
        } else {
            settings.put(key, value);
        }
    }

    /** What the audit trail says changed: each field that did, with its new value. */
    private static Map<String, String> changes(OidcClient before, OidcClient after) {
        Map<String, String> changed = new LinkedHashMap<>();
        compare(changed, "name", before.name(), after.name());
        compare(changed, "logoUri", before.logoUri(), after.logoUri());
        compare(changed, "redirectUris", before.redirectUris(), after.redirectUris());
        compare(changed, "postLogoutRedirectUris", before.postLogoutRedirectUris(), after.postLogoutRedirectUris());
        compare(changed, "backChannelLogoutUri", before.backChannelLogoutUri(), after.backChannelLogoutUri());
        compare(changed, "scopes", before.scopes(), after.scopes());
        compare(changed, "firstParty", before.firstParty(), after.firstParty());
        compare(changed, "permissions", before.permissions(), after.permissions());
        return changed;
    }

    private static void compare(Map<String, String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.put(field, after instanceof Set<?> set
                    ? String.join(" ", set.stream().map(String::valueOf).sorted().toList())
                    : String.valueOf(after));
        }
    }
}
