package app.roster.web;

import app.roster.shared.ChangedMeanwhile;
import app.roster.security.SecurityEvents;
import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps the shared exceptions of every feature to their pages. Ahead of Boot's problem-details handler, so
 * that a browser gets a page for Spring MVC's own errors while API clients still get RFC 9457 JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorAdvice {

    private final SecurityEvents securityEvents;

    ErrorAdvice(SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
    }

    /** Spring MVC's own errors (unknown URL, wrong method, malformed parameter), answered to a browser. */
    @ExceptionHandler(exception = {NoHandlerFoundException.class, NoResourceFoundException.class,
        HttpRequestMethodNotSupportedException.class, TypeMismatchException.class,
        ServletRequestBindingException.class}, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView frameworkError(Exception exception, HttpServletResponse response) {
        HttpStatusCode status = HttpStatus.BAD_REQUEST;
        if (exception instanceof ErrorResponse error) {
            status = error.getStatusCode();
            error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        return new ModelAndView(status.value() == 404 ? "error/404" : "error", Map.of(), status);
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        securityEvents.notFound();
        return "error/404";
    }

    /** A form older than the data it edits: the same address by GET shows the current state to decide again. */
    @ExceptionHandler(ChangedMeanwhile.class)
    ModelAndView changedMeanwhile(HttpServletRequest request) {
        return new ModelAndView("error/409", Map.of("reload", request.getRequestURI()), HttpStatus.CONFLICT);
    }

    @ExceptionHandler(CurrentAccount.PermissionDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }

    /**
     * To the account chooser, which goes on to the page asked for (a deep link opened right after login) once an
     * account is selected. htmx follows a 302 inside the XHR and would swap the chooser into a fragment, so an
     * htmx request gets {@code HX-Redirect} to the chooser alone instead, and htmx loads the whole page.
     */
    @ExceptionHandler(CurrentAccount.NoneSelected.class)
    ResponseEntity<Void> noAccount(HttpServletRequest request) {
        String chooser = request.getContextPath() + "/accounts";
        if ("true".equals(request.getHeader("HX-Request"))) {
            return ResponseEntity.ok().header("HX-Redirect", chooser).build();
        }
        if ("GET".equals(request.getMethod())) {
            String asked = request.getServletPath() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            chooser += "?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8);
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(chooser)).build();
    }
}
