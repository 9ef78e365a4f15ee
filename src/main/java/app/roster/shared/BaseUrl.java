package app.roster.shared;

import java.net.URI;
import java.util.Objects;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public address that every link Roster sends starts with ({@code roster.base-url}), never the request's
 * Host header, which a client can forge.
 */
public record BaseUrl(URI value) {

    public BaseUrl {
        Objects.requireNonNull(value, "roster.base-url is not set");
    }

    /** A link to {@code path} under the public address, to add query parameters to and build. */
    public UriComponentsBuilder path(String path) {
        return UriComponentsBuilder.fromUri(value).path(path);
    }
}
