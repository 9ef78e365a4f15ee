package app.roster.api;

import jakarta.servlet.http.HttpServletRequest;

/** What belongs to the API: everything under {@code /api}, answered in JSON and problem documents only. */
final class ApiPaths {

    static final String PATTERN = "/api/**";

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        return isApi(request.getRequestURI().substring(request.getContextPath().length()));
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
