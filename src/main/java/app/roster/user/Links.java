package app.roster.user;

import app.roster.shared.BaseUrl;
import org.springframework.stereotype.Component;

/** Emailed links, built from the configured base URL and never from the request's Host header. */
@Component
class Links {

    private final BaseUrl baseUrl;

    Links(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    String to(String path) {
        return baseUrl.path(path).build().toUriString();
    }

    String withToken(String path, String token) {
        return baseUrl.path(path).queryParam("token", token).build().toUriString();
    }
}
