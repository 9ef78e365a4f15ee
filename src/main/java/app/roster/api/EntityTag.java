package app.roster.api;

import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic concurrency over HTTP: a resource's version as a strong {@code ETag} ({@code "3"}), and the
 * {@code If-Match} a change sends back. A change that requires it answers 428 without it (also for
 * {@code If-Match: *}, which names no version), and 412 when it names a version that is not the current one.
 */
public final class EntityTag {

    public static final String IF_MATCH = "If-Match";

    private EntityTag() {
    }

    /** The {@code ETag} header's value for this version. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version {@code If-Match} names; 428 when it is missing or {@code *}, 412 when it names none of ours. */
    public static long required(String ifMatch) {
        return optional(ifMatch).orElseThrow(() -> new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED));
    }

    /** Like {@link #required}, but a missing {@code If-Match} (or {@code *}) asks for no version at all. */
    public static OptionalLong optional(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        // A weak tag never matches under If-Match (RFC 9110, strong comparison), nor does a list or garbage.
        if (tag.length() < 3 || tag.length() > 21 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"'
                || !tag.substring(1, tag.length() - 1).matches("[0-9]+")) {
            throw stale();
        }
        try {
            return OptionalLong.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException beyondAnyVersion) {
            throw stale();
        }
    }

    /** 412: the representation changed since the version the client sent. */
    public static ResponseStatusException stale() {
        return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED);
    }
}
