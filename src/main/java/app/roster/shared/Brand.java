package app.roster.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosting company's look, from configuration: logo, primary colour, favicon, support link and footer links.
 * Each is optional; none set is Roster's own look. Checked once, at start: a colour is {@code #rgb} or
 * {@code #rrggbb}, every address is https or relative to Roster ({@code /…}).
 *
 * @param logoUrl      shown instead of the product name's text in the header (the name stays its alt text)
 * @param primaryColor {@code #rrggbb}, lower case, or null for Bootstrap's blue
 * @param faviconUrl   the pages' icon
 * @param supportUrl   "Support" in the footer of pages and emails
 * @param footerLinks  further footer links, in order
 */
public record Brand(String logoUrl, String primaryColor, String faviconUrl, String supportUrl, List<Link> footerLinks) {

    /** Roster's own look. */
    public static final Brand ROSTER = new Brand(null, null, null, null, List.of());

    private static final Pattern COLOR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    /** A footer link: its visible label and its address. */
    public record Link(String label, String url) {
    }

    public Brand {
        footerLinks = List.copyOf(footerLinks);
    }

    /**
     * The brand from the settings' text, each blank one unset; a bad value fails with the variable's name.
     *
     * @param footerLinks {@code Label|URL,Label|URL}
     */
    public static Brand of(String logoUrl, String primaryColor, String faviconUrl, String supportUrl,
            String footerLinks) {
        List<Link> links = new ArrayList<>();
        if (!blank(footerLinks)) {
            for (String entry : footerLinks.split(",")) {
                String[] parts = entry.split("\\|", -1);
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalArgumentException("ROSTER_FOOTER_LINKS: '" + entry.strip()
                            + "' is not Label|URL (links are separated by commas)");
                }
                links.add(new Link(parts[0].strip(), url("ROSTER_FOOTER_LINKS", parts[1])));
            }
        }
        return new Brand(url("ROSTER_BRAND_LOGO_URL", logoUrl), color(primaryColor),
                url("ROSTER_BRAND_FAVICON_URL", faviconUrl), url("ROSTER_SUPPORT_URL", supportUrl), links);
    }

    /** The same brand with every relative address made absolute under the public address: for emails. */
    public Brand absolute(BaseUrl base) {
        return new Brand(absolute(base, logoUrl), primaryColor, absolute(base, faviconUrl), absolute(base, supportUrl),
                footerLinks.stream().map(l -> new Link(l.label(), absolute(base, l.url()))).toList());
    }

    /** The primary colour as Bootstrap's {@code --bs-primary-rgb} wants it: {@code "r, g, b"}. */
    public String primaryRgb() {
        return rgb(primaryColor, 1.0);
    }

    /** The primary colour darkened by a fifth, {@code #rrggbb}: hover and pressed buttons, hovered links. */
    public String primaryDarker() {
        int[] c = channels(primaryColor, 0.8);
        return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
    }

    private static String rgb(String color, double factor) {
        int[] c = channels(color, factor);
        return c[0] + ", " + c[1] + ", " + c[2];
    }

    private static int[] channels(String color, double factor) {
        int value = Integer.parseInt(color.substring(1), 16);
        return new int[] {(int) Math.round((value >> 16 & 0xff) * factor), (int) Math.round((value >> 8 & 0xff) * factor),
            (int) Math.round((value & 0xff) * factor)};
    }

    private static String color(String value) {
        if (blank(value)) {
            return null;
        }
        String color = value.strip();
        if (!COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("ROSTER_BRAND_PRIMARY_COLOR: '" + color + "' is not #rgb or #rrggbb");
        }
        if (color.length() == 4) {
            color = "#" + color.charAt(1) + color.charAt(1) + color.charAt(2) + color.charAt(2) + color.charAt(3)
                    + color.charAt(3);
        }
        return color.toLowerCase(Locale.ROOT);
    }

    private static String url(String variable, String value) {
        if (blank(value)) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            boolean https = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
            boolean relative = uri.getScheme() == null && uri.getRawAuthority() == null && url.startsWith("/")
                    && !url.startsWith("//");
            if (https || relative) {
                return url;
            }
        } catch (URISyntaxException e) {
            // named below
        }
        throw new IllegalArgumentException(variable + ": '" + url + "' is neither an https address nor a path "
                + "on Roster (/…)");
    }

    private static String absolute(BaseUrl base, String url) {
        if (url == null || !url.startsWith("/")) {
            return url;
        }
        String root = base.value().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + url;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
