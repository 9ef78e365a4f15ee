package app.roster.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The audit row an event asks for: a stable dotted action such as {@code user.registered}, the account and the
 * user it concerns (either may be null), what changed as short printable values, and who acted when the use case
 * knows it (null: the trail asks the request). Details never hold a password or a token.
 */
public record Audit(String action, Long accountId, Long userId, Map<String, String> details, Actor actor) {

    public Audit {
        Objects.requireNonNull(action);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** About neither an account nor a user; {@code details} are pairs of name and value. */
    public static Audit of(String action, Object... details) {
        return new Audit(action, null, null, pairs(details), null);
    }

    public static Audit ofUser(String action, long userId, Object... details) {
        return new Audit(action, null, userId, pairs(details), null);
    }

    public static Audit ofAccount(String action, long accountId, Object... details) {
        return new Audit(action, accountId, null, pairs(details), null);
    }

    /** About one user in one account. */
    public static Audit ofMember(String action, long accountId, long userId, Object... details) {
        return new Audit(action, accountId, userId, pairs(details), null);
    }

    /** The same row, naming who acted. */
    public Audit by(Actor actor) {
        return new Audit(action, accountId, userId, details, actor);
    }

    /** The same row with more details, after the ones it has. */
    public Audit with(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.putAll(more);
        return new Audit(action, accountId, userId, all, actor);
    }

    private static Map<String, String> pairs(Object... details) {
        if (details.length % 2 != 0) {
            throw new IllegalArgumentException("Details come in pairs of name and value");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < details.length; i += 2) {
            map.put((String) details[i], String.valueOf(details[i + 1]));
        }
        return map;
    }
}
