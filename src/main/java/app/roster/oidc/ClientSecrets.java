package app.roster.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets: generated (256 random bits, prefixed {@code roster_cs_} so that secret scanners know them), shown
 * once, stored as a SHA-256 hash. A slow password hash would add nothing to 256 random bits and would cost every
 * token request tens of milliseconds. After a rotation the stored value also holds the previous secret's hash
 * with the instant it stops working: {@code <hash>} or {@code <hash>;<previous hash>@<epoch second>}.
 * Spring Authorization Server's client authentication asks {@link #matches} through this encoder.
 */
final class ClientSecrets implements PasswordEncoder {

    static final String PREFIX = "roster_cs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    ClientSecrets(Clock clock) {
        this.clock = clock;
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored value after a rotation: the new secret's hash, and the old one's until {@code graceEnd}. */
    static String rotated(String newSecret, String stored, Instant graceEnd) {
        String current = stored == null ? null : stored.split(";", 2)[0];
        return current == null ? hash(newSecret) : hash(newSecret) + ";" + current + "@" + graceEnd.getEpochSecond();
    }

    /** Until when the previous secret still works, from the stored value; null when there is none. */
    static Instant graceEnd(String stored) {
        if (stored == null || stored.indexOf(';') < 0) {
            return null;
        }
        int at = stored.lastIndexOf('@');
        return at < 0 ? null : Instant.ofEpochSecond(Long.parseLong(stored.substring(at + 1)));
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hash(rawPassword.toString());
    }

    @Override
    public boolean matches(CharSequence rawPassword, String stored) {
        if (rawPassword == null || stored == null) {
            return false;
        }
        byte[] presented = hash(rawPassword.toString()).getBytes(StandardCharsets.US_ASCII);
        String[] parts = stored.split(";", 2);
        if (MessageDigest.isEqual(presented, parts[0].getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        if (parts.length == 2) {
            int at = parts[1].lastIndexOf('@');
            if (at > 0 && Instant.ofEpochSecond(Long.parseLong(parts[1].substring(at + 1))).isAfter(clock.instant())) {
                return MessageDigest.isEqual(presented, parts[1].substring(0, at).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return false;
    }
}
