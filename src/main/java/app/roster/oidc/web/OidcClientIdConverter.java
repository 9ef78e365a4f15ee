package app.roster.oidc.web;

import app.roster.oidc.OidcClientId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code {clientId}} in a path as an {@link OidcClientId}; a malformed one answers 404, like a missing one. */
@Component
class OidcClientIdConverter implements Converter<String, OidcClientId> {

    @Override
    public OidcClientId convert(String source) {
        return OidcClientId.parse(source);
    }
}
