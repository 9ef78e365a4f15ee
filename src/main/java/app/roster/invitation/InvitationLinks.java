package app.roster.invitation;

import app.roster.shared.OneTimeToken;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The accept link, from the configured base URL; the raw token exists only in it and in the outbox. */
@Component
class InvitationLinks {

    private final URI baseUrl;

    InvitationLinks(@Value("${roster.base-url}") URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    String accept(OneTimeToken token) {
        return UriComponentsBuilder.fromUri(baseUrl).path("/invitations/accept").queryParam("token", token.value())
                .build().toUriString();
    }
}
