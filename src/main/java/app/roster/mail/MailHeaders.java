package app.roster.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Extra headers kept in the outbox's {@code headers} column, one {@code Name: value} per line. */
final class MailHeaders {

    private MailHeaders() {
    }

    static String format(Map<String, String> headers) {
        return headers.isEmpty() ? null : headers.entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue())
                .collect(Collectors.joining("\n"));
    }

    static Map<String, String> parse(String column) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (column != null) {
            for (String line : column.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }
}
