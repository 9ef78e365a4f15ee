package app.roster.user;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Emailed links, built from the configured base URL and never from the request's Host header. */
@Component
class Links {

    private final URI baseUrl;

    Links(@Value("${roster.base-url}") URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    String to(String path) {
        return UriComponentsBuilder.fromUri(baseUrl).path(path).build().toUriString();
    }

    String withToken(String path, String token) {
        return UriComponentsBuilder.fromUri(baseUrl).path(path).queryParam("token", token).build().toUriString();
    }
}
