package app.roster.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A place in a list read a page at a time by keyset: "after this row". It names the list, the last row's sort
 * key (empty when the id alone orders the list) and its id, and travels to API clients as an opaque, URL-safe
 * string. {@link #decode} refuses a string that was cut, edited or made for another list as {@link Refusal.Kind#INVALID}
 * with field {@code cursor}: a bad cursor is the client's mistake, never a 500.
 *
 * <p>The check digest is not a signature. A client who works out the format only moves within a list it may
 * read anyway: every list takes the account from the credential, never from the cursor, so a cursor carries no
 * authority and needs no secret shared by the nodes.
 */
public record Cursor(String list, String key, long id) {

    public static final String FIELD = "cursor";

    private static final byte VERSION = 1;
    private static final int DIGEST_BYTES = 8;
    private static final int MAX_LENGTH = 512;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public Cursor {
        Objects.requireNonNull(list);
        key = key == null ? "" : key;
        if (list.isEmpty() || list.indexOf('\n') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A cursor's list and key hold no line breaks");
        }
    }

    /** The position after the row with this id, in a list ordered by id alone. */
    public static Cursor of(String list, long id) {
        return new Cursor(list, "", id);
    }

    /** The position after a row of a list ordered by a time, then by id; the time is kept in microseconds. */
    public static Cursor of(String list, Instant time, long id) {
        return new Cursor(list, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, time)), id);
    }

    /** The sort key read as a number; INVALID when it is none. */
    public long numericKey() {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /**
     * The sort key read as the time {@link #of(String, Instant, long)} put in; INVALID when it is none, or a time
     * no database column holds (a cursor made by hand), which would otherwise fail in the query.
     */
    public Instant timeKey() {
        Instant time = Instant.EPOCH.plus(numericKey(), ChronoUnit.MICROS);
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw invalid();
        }
        return time;
    }

    public String encoded() {
        byte[] payload = (list + "\n" + key + "\n" + id).getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(1 + payload.length + DIGEST_BYTES);
        bytes.put(VERSION).put(payload).put(digest(payload));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The cursor a client sent back for {@code list}; INVALID unless it is exactly one Roster gave out for it. */
    public static Cursor decode(String list, String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_LENGTH) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        // Java's decoder ignores the unused low bits of the last character: only the canonical form is ours.
        if (bytes.length < 1 + DIGEST_BYTES || bytes[0] != VERSION
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(encoded)) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOfRange(bytes, 1, bytes.length - DIGEST_BYTES);
        if (!MessageDigest.isEqual(digest(payload), Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length))) {
            throw invalid();
        }
        String[] parts = text(payload).split("\n", -1);
        if (parts.length != 3 || !parts[0].equals(list) || !parts[2].matches("-?[0-9]{1,19}")) {
            throw invalid();
        }
        try {
            return new Cursor(parts[0], parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static Refusal invalid() {
        return new Refusal(Refusal.Kind.INVALID, "cursor.invalid", FIELD);
    }

    private static String text(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw invalid();
        }
    }

    private static byte[] digest(byte[] payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(VERSION);
            return Arrays.copyOf(sha256.digest(payload), DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
