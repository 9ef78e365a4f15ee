package app.roster.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Roster's pages and emails are written in. */
public enum Language {
    EN(Locale.ENGLISH, "English"),
    FR(Locale.FRENCH, "Français"),
    DE(Locale.GERMAN, "Deutsch");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    public String nativeName() {
        return nativeName;
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }

    /** The closest supported language, English when none is. */
    public static Language closest(Locale locale) {
        return locale == null ? EN : fromCode(locale.getLanguage()).orElse(EN);
    }
}
