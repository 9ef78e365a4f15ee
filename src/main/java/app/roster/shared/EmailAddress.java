package app.roster.shared;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address in its one canonical form: trimmed, lower-cased with {@link Locale#ROOT},
 * domain in ASCII (IDNA), ASCII local part. Plus tags and dots are kept: they may be different mailboxes.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        if (value == null) {
            throw new InvalidEmailAddressException("email.invalid");
        }
        value = canonical(value);
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw);
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    /** "j***@example.com": enough for the owner to recognise it, not enough to harvest it. */
    public String masked() {
        String local = localPart();
        return local.charAt(0) + "***@" + domain();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String canonical(String raw) {
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || hasForbiddenCharacters(trimmed)) {
            throw new InvalidEmailAddressException("email.invalid");
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new InvalidEmailAddressException("email.invalid");
        }
        String local = trimmed.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = asciiDomain(trimmed.substring(at + 1));
        if (!LOCAL_PART.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")
                || local.contains("..")) {
            throw new InvalidEmailAddressException("email.invalid");
        }
        String result = local + "@" + domain;
        if (result.length() > MAX_LENGTH) {
            throw new InvalidEmailAddressException("email.invalid");
        }
        return result;
    }

    private static String asciiDomain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidEmailAddressException("email.invalid");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253) {
            throw new InvalidEmailAddressException("email.invalid");
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                throw new InvalidEmailAddressException("email.invalid");
            }
        }
        return ascii;
    }

    private static boolean hasForbiddenCharacters(String s) {
        return s.codePoints().anyMatch(EmailAddress::isForbidden);
    }

    /** Control, bidi and zero-width characters: invisible, and used to make look-alike addresses. */
    static boolean isForbidden(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || Character.isWhitespace(cp);
    }
}
