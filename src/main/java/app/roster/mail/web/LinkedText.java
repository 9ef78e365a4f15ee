package app.roster.mail.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A plain-text body cut into text and links, so the page can make links clickable without raw HTML. */
record LinkedText(List<Part> parts) {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    record Part(String text, boolean link) {
    }

    static LinkedText of(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        int start = 0;
        while (matcher.find()) {
            if (matcher.start() > start) {
                parts.add(new Part(text.substring(start, matcher.start()), false));
            }
            parts.add(new Part(matcher.group(), true));
            start = matcher.end();
        }
        if (start < text.length()) {
            parts.add(new Part(text.substring(start), false));
        }
        return new LinkedText(List.copyOf(parts));
    }
}
