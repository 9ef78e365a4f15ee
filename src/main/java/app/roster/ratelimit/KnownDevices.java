package app.roster.ratelimit;

import app.roster.shared.OneTimeToken;
import app.roster.shared.SecureCookies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsers that logged in successfully: one random cookie per browser, whose hash is stored with each
 * address (and area) it logged in as. Such a browser keeps its own budget when failures from elsewhere
 * have locked the address, so guessing cannot lock the real user out. The cookie opens nothing by itself.
 */
@Component
class KnownDevices {

    static final String COOKIE = "roster_device";
    /** A token of {@link OneTimeToken#generate()}: 32 bytes in unpadded base64url. */
    private static final String TOKEN_FORMAT = "[A-Za-z0-9_-]{43}";

    private final JdbcClient jdbc;
    private final LoginSettings settings;
    private final Clock clock;
    private final boolean secureCookie;

    KnownDevices(JdbcClient jdbc, LoginSettings settings, Clock clock, SecureCookies secureCookies) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.secureCookie = secureCookies.required();
    }

    /** The hash of this browser's cookie when it logged in as the address within the lifetime. */
    Optional<String> recognise(HttpServletRequest request, String scope, String email) {
        return token(request).map(OneTimeToken::hashOf).filter(hash -> jdbc.sql("""
                SELECT COUNT(*) FROM known_devices
                WHERE device_hash = ? AND scope = ? AND email = ? AND last_login_at > ?""")
                .params(hash, scope, email, Timestamp.from(clock.instant().minus(settings.knownDeviceLifetime())))
                .query(Integer.class).single() > 0);
    }

    /** After a successful login: the browser is known for the address from now on, its cookie renewed. */
    @Transactional
    void remember(HttpServletRequest request, HttpServletResponse response, String scope, String email) {
        String token = token(request).orElseGet(() -> OneTimeToken.generate().value());
        String hash = OneTimeToken.hashOf(token);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE known_devices SET last_login_at = ? WHERE device_hash = ? AND scope = ? AND email = ?")
                .params(now, hash, scope, email).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO known_devices (device_hash, scope, email, last_login_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""").params(hash, scope, email, now).update();
        }
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, token).path("/").httpOnly(true)
                .secure(secureCookie || request.isSecure()).sameSite("Lax").maxAge(settings.knownDeviceLifetime())
                .build().toString());
    }

    /**
     * A new password: browsers known under the old one (someone who knew it among them) lose their own budget;
     * the browser making the change, if known, stays known.
     */
    @Transactional
    void forgetAllBut(Optional<HttpServletRequest> request, String scope, String email) {
        String kept = request.flatMap(KnownDevices::token).map(OneTimeToken::hashOf).orElse("");
        jdbc.sql("DELETE FROM known_devices WHERE scope = ? AND email = ? AND device_hash <> ?")
                .params(scope, email, kept).update();
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                        && cookie.getValue().matches(TOKEN_FORMAT))
                .map(Cookie::getValue).findFirst();
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    @Transactional
    public void purge() {
        Instant oldest = clock.instant().minus(settings.knownDeviceLifetime());
        jdbc.sql("DELETE FROM known_devices WHERE last_login_at < ?").param(Timestamp.from(oldest)).update();
    }
}
