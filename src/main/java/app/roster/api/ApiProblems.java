package app.roster.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes the API's problem documents, in the request's language ({@code Accept-Language}), from the
 * {@code api.problem.<code>.title} and {@code .detail} messages. Used by the security chain's filters, the
 * exception resolver and the error dispatch alike, so that every failure under {@code /api} looks the same.
 */
@Component
public class ApiProblems {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** A problem of a kind whose detail is its own message. */
    public ApiProblem of(HttpServletRequest request, HttpStatus status, String code, Object... arguments) {
        Locale locale = locale(request);
        return of(request, status, code, code, message("api.problem." + code + ".detail", arguments, locale), null);
    }

    /** A problem of a kind ({@code type}) with a detail and field errors of its own. */
    public ApiProblem of(HttpServletRequest request, HttpStatus status, String type, String code, String detail,
            List<ApiProblem.FieldProblem> errors) {
        String title = message("api.problem." + type + ".title", null, locale(request));
        return new ApiProblem(ApiProblem.type(type), title, status.value(), detail, request.getRequestURI(), code,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public String message(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, key, locale);
    }

    public Locale locale(HttpServletRequest request) {
        try {
            return locales.resolveLocale(request);
        } catch (RuntimeException unreadable) {
            return Locale.ENGLISH;
        }
    }

    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
        response.flushBuffer();
    }
}
