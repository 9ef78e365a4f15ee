package app.roster.invitation;

import app.roster.shared.BaseUrl;
import app.roster.shared.OneTimeToken;
import org.springframework.stereotype.Component;

/** The accept link, from the configured base URL; the raw token exists only in it and in the outbox. */
@Component
class InvitationLinks {

    private final BaseUrl baseUrl;

    InvitationLinks(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    String accept(OneTimeToken token) {
        return baseUrl.path("/invitations/accept").queryParam("token", token.value()).build().toUriString();
    }
}
