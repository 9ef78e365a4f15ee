package app.roster.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code sid} claim of a Roster session: Spring Authorization Server puts the SHA-256 of the session id
 * (base64url) in ID tokens rather than the id itself, which would let a client take over the session.
 */
final class Sid {

    private Sid() {
    }

    static String of(String sessionId) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
