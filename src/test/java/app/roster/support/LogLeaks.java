package app.roster.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in a log: every recorded value, wherever it appears in a line, and anything shaped like one of
 * Roster's prefixed secrets (recorded or not: a key a test sent made-up is still a key in the log). One pass over
 * the log whatever the number of secrets: a rolling hash of every {@value #SHORTEST}-character window is looked up
 * among the secrets' first {@value #SHORTEST} characters (a bit set first, so a miss costs no lookup).
 */
public final class LogLeaks {

    static final int SHORTEST = 12;

    /** The one line that holds a link on purpose: the first start's set-password banner (README "Logs"). */
    private static final String BANNER_LOGGER = " app.roster.staff.SetUpFirstStaff ";

    private static final Pattern PREFIXED = Pattern.compile(
            "roster_(pk|pat|cs)_[A-Za-z0-9_-]{20,}|whsec_[A-Za-z0-9+/]{20,}");
    private static final Map<String, String> PREFIXED_KINDS = Map.of("pk", "API key secret (roster_pk_…)",
            "pat", "personal token (roster_pat_…)", "cs", "OIDC client secret (roster_cs_…)",
            "whsec", "webhook secret (whsec_…)");
    private static final long BASE = 1_000_003L;
    private static final long TOP = power(BASE, SHORTEST - 1);
    private static final int BITS = 1 << 22;

    /** A secret found: its kind, where, and the line with the secret cut to its first four characters. */
    public record Leak(String kind, int lineNumber, String line) {
        @Override
        public String toString() {
            return kind + ", log line " + lineNumber + ": " + line;
        }
    }

    private final Map<Long, List<String>> byHead = new HashMap<>();
    private final BitSet heads = new BitSet(BITS);
    private final Map<String, String> secrets;

    public LogLeaks(Map<String, String> secrets) {
        this.secrets = secrets;
        secrets.keySet().forEach(secret -> {
            long hash = hash(secret);
            byHead.computeIfAbsent(hash, h -> new ArrayList<>()).add(secret);
            heads.set(slot(hash));
        });
    }

    public List<Leak> find(BufferedReader log) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        int number = 0;
        for (String line = log.readLine(); line != null; line = log.readLine()) {
            number++;
            if (line.length() >= SHORTEST && !line.contains(BANNER_LOGGER)) {
                find(line, number, leaks);
            }
        }
        return leaks;
    }

    private void find(String line, int number, List<Leak> leaks) {
        if (line.contains("roster_") || line.contains("whsec_")) {
            Matcher prefixed = PREFIXED.matcher(line);
            if (prefixed.find()) {
                leaks.add(leak(PREFIXED_KINDS.get(prefixed.group(1) == null ? "whsec" : prefixed.group(1)), number, line,
                        prefixed.group()));
                return;
            }
        }
        if (secrets.isEmpty()) {
            return;
        }
        long hash = hash(line);
        for (int start = 0; ; start++) {
            if (heads.get(slot(hash))) {
                for (String secret : byHead.getOrDefault(hash, List.of())) {
                    if (line.startsWith(secret, start)) {
                        leaks.add(leak(secrets.get(secret), number, line, secret));
                        return;
                    }
                }
            }
            if (start + SHORTEST >= line.length()) {
                return;
            }
            hash = (hash - line.charAt(start) * TOP) * BASE + line.charAt(start + SHORTEST);
        }
    }

    private static Leak leak(String kind, int number, String line, String secret) {
        String masked = line.replace(secret, secret.substring(0, 4) + "…");
        return new Leak(kind, number, masked.length() > 400 ? masked.substring(0, 400) + "…" : masked);
    }

    private static long hash(String text) {
        long hash = 0;
        for (int i = 0; i < SHORTEST; i++) {
            hash = hash * BASE + text.charAt(i);
        }
        return hash;
    }

    private static int slot(long hash) {
        return (int) ((hash ^ (hash >>> 29)) & (BITS - 1));
    }

    private static long power(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
