package app.roster.shared;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address in its one canonical form: trimmed, lower-cased with {@link Locale#ROOT} (an ASCII local
 * part is checked before folding; a domain that IDNA would turn into another one is refused),
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
        String rawLocal = trimmed.substring(0, at);
        // Before any case folding: Unicode folds the Kelvin sign into "k", so "mi\u212Ae" would become "mike".
        if (!rawLocal.chars().allMatch(c -> c < 0x80)) {
            throw new InvalidEmailAddressException("email.invalid");
        }
        String local = rawLocal.toLowerCase(Locale.ROOT);
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
        if (!domain.chars().allMatch(c -> c < 0x80) && !idnaOnlyChangesCase(domain, ascii)) {
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

    /**
     * IDNA 2003 (all the JDK has) maps more than case: the Kelvin sign to "k" (NFC alone makes it "K"), the
     * long s to "s", "ß" to "ss", full-width letters to ASCII. Each would silently turn what was typed into another, existing domain, so a
     * domain is accepted only when its ASCII form reads back as what was typed, up to case and NFC.
     */
    private static boolean idnaOnlyChangesCase(String typed, String ascii) {
        if (typed.codePoints().anyMatch(cp -> cp >= 0x80 && (Character.toLowerCase(cp) < 0x80
                || Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFC).chars().allMatch(c -> c < 0x80)))) {
            return false;
        }
        String nfc = Normalizer.normalize(typed, Normalizer.Form.NFC);
        String expected = nfc.codePoints().map(Character::toLowerCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return IDN.toUnicode(ascii).equals(expected);
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
