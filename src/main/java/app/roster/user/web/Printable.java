package app.roster.user.web;

/** Text fields refuse control, bidi and zero-width characters: invisible, and used for spoofing. */
final class Printable {

    static final String REGEX = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";

    private Printable() {
    }
}
