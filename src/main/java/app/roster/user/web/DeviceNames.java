package app.roster.user.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ua_parser.Parser;

/**
 * "Chrome on Linux" from a session's user-agent string, for the Security page (uap-java: a few hundred
 * kilobytes of patterns, read on the first call, not at start-up). Each distinct string is parsed once; the
 * cache keeps the most recent {@value #CACHE_SIZE}. Public for the page's template, which calls it.
 */
@Component
public class DeviceNames {

    /** A browser and the system it runs on; either may be unknown (null). */
    public record Device(String browser, String system) {
    }

    static final int CACHE_SIZE = 512;
    private static final String OTHER = "Other";
    private static final Pattern MOBILE = Pattern.compile("^Mobile |\\s+Mobile( iOS| WebView)?$");

    private final Map<String, Device> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Device> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public Device of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Device(null, null);
        }
        return cache.computeIfAbsent(userAgent, DeviceNames::parse);
    }

    int cached() {
        return cache.size();
    }

    private static Device parse(String userAgent) {
        Parser parser = Patterns.PARSER;
        String browser = known(parser.parseUserAgent(userAgent).family);
        String system = known(parser.parseOS(userAgent).family);
        if ("iOS".equals(system)) {
            // "Safari on iPhone" says more than "Safari on iOS".
            String device = known(parser.parseDevice(userAgent).family);
            system = device == null ? system : device;
        }
        return new Device(browser == null ? null : MOBILE.matcher(browser).replaceAll(""), system);
    }

    private static String known(String family) {
        return family == null || family.isBlank() || OTHER.equals(family) ? null : family;
    }

    /** Loaded with the first user-agent string to name, not with the application. */
    private static final class Patterns {
        static final Parser PARSER = new Parser();
    }
}
