package app.roster.admin.web;

/** The page number from a request parameter: anything unreadable is the first page. */
final class Pages {

    private Pages() {
    }

    static int number(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
