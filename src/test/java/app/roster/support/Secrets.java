package app.roster.support;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret this test JVM's tests saw Roster make (emailed link tokens, API keys, personal tokens, TOTP
 * secrets, passwords), by value, with its kind; {@link SuiteLogCheck} greps the suite's log for each at the end.
 * Values shorter than {@link LogLeaks#SHORTEST} are not secrets worth the name and are left out.
 */
public final class Secrets {

    private static final Map<String, String> RECORDED = new ConcurrentHashMap<>();

    private Secrets() {
    }

    /** Records the value under its kind ("API key secret") and returns it, for use inline. */
    public static String record(String kind, String value) {
        if (value != null && value.length() >= LogLeaks.SHORTEST) {
            RECORDED.putIfAbsent(value, kind);
        }
        return value;
    }

    /** Records an emailed link's tokens: each long query value and path segment (and so the link itself). */
    public static String recordLink(String link) {
        try {
            URI uri = URI.create(link);
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    record("token of an emailed link", parameter.substring(parameter.indexOf('=') + 1));
                }
            }
            if (uri.getRawPath() != null) {
                for (String segment : uri.getRawPath().split("/")) {
                    if (segment.length() >= 20) {
                        record("token of an emailed link", segment);
                    }
                }
            }
        } catch (IllegalArgumentException notAUri) {
            record("emailed link", link);
        }
        return link;
    }

    /** The recorded secrets, value to kind. */
    static Map<String, String> all() {
        return Map.copyOf(RECORDED);
    }
}
