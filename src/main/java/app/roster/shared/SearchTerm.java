package app.roster.shared;

import java.util.Locale;

/**
 * What someone typed into a search box or a filter, cleaned once for every finder: stripped and lower-cased
 * with {@link Locale#ROOT} (names are compared through {@code lower()}, addresses and action keys are stored in
 * lower case).
 *
 * <p>A term holding a control, format (bidi, zero-width), separator or lone surrogate character is
 * <em>unsearchable</em>: every form refuses those characters, so no stored name, address or key starts with
 * one, and PostgreSQL refuses a NUL in a query outright. Such a term is never sent to the database: its
 * {@link #prefixPattern()} and {@link #exact()} are {@code null}, the SQL NULL, which no {@code LIKE} and no
 * {@code =} matches. So the finder answers "no match" without a branch of its own.
 */
public final class SearchTerm {

    private static final SearchTerm BLANK = new SearchTerm("", true);

    private final String text;
    private final boolean searchable;

    private SearchTerm(String text, boolean searchable) {
        this.text = text;
        this.searchable = searchable;
    }

    public static SearchTerm of(String typed) {
        if (typed == null || typed.isBlank()) {
            return BLANK;
        }
        String text = typed.strip().toLowerCase(Locale.ROOT);
        return new SearchTerm(text, text.codePoints().noneMatch(SearchTerm::unsearchable));
    }

    /** Nothing was typed: the finder lists everything. */
    public boolean isBlank() {
        return text.isEmpty();
    }

    /** False when the term holds a character no stored value holds; it then matches nothing. */
    public boolean searchable() {
        return searchable;
    }

    /** For {@code column = ?}; null (matches nothing) when unsearchable. */
    public String exact() {
        return searchable ? text : null;
    }

    /** For {@code column LIKE ? ESCAPE '\'}: LIKE's wildcards taken literally, then {@code %}; null when unsearchable. */
    public String prefixPattern() {
        return searchable ? text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : null;
    }

    private static boolean unsearchable(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    @Override
    public String toString() {
        return text;
    }
}
