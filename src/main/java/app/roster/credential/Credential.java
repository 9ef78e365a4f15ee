package app.roster.credential;

import app.roster.shared.OneTimeToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credential as its holder presents it: {@code roster_pk_<key id>_<secret>} for a platform API key,
 * {@code roster_pat_<key id>_<secret>} for a personal access token. The prefix lets secret scanners recognise a
 * leaked one; the key id (64 random bits, not secret) finds the stored row; the secret (256 random bits) is
 * checked against its stored SHA-256 in constant time. A high-entropy secret needs no slow hash.
 */
record Credential(Kind kind, String keyId, String secret) {

    /** The two kinds and their prefixes. */
    enum Kind {
        API_KEY("roster_pk_"), TOKEN("roster_pat_");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        String prefix() {
            return prefix;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("(roster_pk_|roster_pat_)([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

    static Credential generate(Kind kind) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new Credential(kind, HexFormat.of().formatHex(id),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty for anything that is not exactly a Roster credential (no lookup is worth making for it). */
    static Optional<Credential> parse(String text) {
        if (text == null || text.length() > 100) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Kind kind = matcher.group(1).equals(Kind.API_KEY.prefix()) ? Kind.API_KEY : Kind.TOKEN;
        return Optional.of(new Credential(kind, matcher.group(2), matcher.group(3)));
    }

    /** What the holder is given, once. */
    String text() {
        return kind.prefix() + keyId + "_" + secret;
    }

    String hash() {
        return OneTimeToken.hashOf(secret);
    }

    /** Constant-time, so the answer's timing says nothing about how much of the secret was right. */
    boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never print the secret: logs and exception messages must not hold it. */
    @Override
    public String toString() {
        return "Credential[" + kind + " " + keyId + ", secret redacted]";
    }
}
