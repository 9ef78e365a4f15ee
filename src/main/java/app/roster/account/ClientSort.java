package app.roster.account;

import java.util.Locale;

/** The clients list's order: a column and a direction, written {@code name} or {@code -name} in links. */
public record ClientSort(Column column, boolean descending) {

    public static final ClientSort DEFAULT = new ClientSort(Column.ID, false);

    public enum Column {
        ID("a.id"), NAME("a.name"), CREATED("a.created_at");

        private final String expression;

        Column(String expression) {
            this.expression = expression;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Anything unknown is the default order, never an error. */
    public static ClientSort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String value = text.strip();
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        for (Column column : Column.values()) {
            if (column.param().equals(name)) {
                return new ClientSort(column, descending);
            }
        }
        return DEFAULT;
    }

    /** The link parameter, e.g. {@code -created}. */
    public String param() {
        return (descending ? "-" : "") + column.param();
    }

    /** The parameter a column header links to: this column ascending, or reversed when it is the current one. */
    public String toggle(String columnParam) {
        boolean current = column.param().equals(columnParam);
        return (current && !descending ? "-" : "") + columnParam;
    }

    /** The header's {@code aria-sort}: ascending, descending or none. */
    public String ariaSort(String columnParam) {
        if (!column.param().equals(columnParam)) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    String orderBy() {
        String direction = descending ? " DESC" : "";
        return " ORDER BY " + column.expression + direction + (column == Column.ID ? "" : ", a.id" + direction);
    }
}
