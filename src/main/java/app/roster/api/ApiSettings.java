package app.roster.api;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The REST API's settings.
 *
 * @param allowedOrigins browser origins allowed to call the API cross-origin (CORS); none by default
 * @param maxBodySize    the largest request body accepted; larger is 413
 * @param rateLimit      requests per credential per window, counted in the database across nodes
 */
@ConfigurationProperties("roster.api")
public record ApiSettings(@DefaultValue List<String> allowedOrigins, @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param apiKey requests a platform API key may make per window
     * @param token  requests a personal access token may make per window
     * @param window the window's length
     */
    public record RateLimit(@DefaultValue("1200") int apiKey, @DefaultValue("120") int token,
            @DefaultValue("1m") Duration window) {
    }
}
