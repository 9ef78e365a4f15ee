package app.roster.web;

import app.roster.security.SecurityEvents;
import app.roster.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one mapping of a {@link Refusal} that no form caught: a page for a browser, an RFC 9457 problem for
 * anything else. Last among the advices, so a feature's own advice (a redirect with the reason) still wins.
 * A form that shows the refusal next to its field catches it and uses {@link Refusal#field()}.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RefusalAdvice {

    private final SecurityEvents securityEvents;
    private final MessageSource messages;

    RefusalAdvice(SecurityEvents securityEvents, MessageSource messages) {
        this.securityEvents = securityEvents;
        this.messages = messages;
    }

    static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }

    @ExceptionHandler(exception = Refusal.class, produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(Refusal refusal, HttpServletRequest request) {
        HttpStatus status = status(refusal.kind());
        return switch (refusal.kind()) {
            case NOT_FOUND -> {
                securityEvents.notFound();
                yield new ModelAndView("error/404", Map.of(), status);
            }
            case CONFLICT -> new ModelAndView("error/409", Map.of("reload", request.getRequestURI()), status);
            case FORBIDDEN -> new ModelAndView("error/403", Map.of("reason", refusal.messageKey()), status);
            case INVALID -> new ModelAndView("error/400", Map.of("reason", refusal.messageKey()), status);
        };
    }

    /** For the API: the message in the client's language, the field as an extension member. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> problem(Refusal refusal, Locale locale) {
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            securityEvents.notFound();
        }
        HttpStatus status = status(refusal.kind());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(refusal.messageKey(), refusal.arguments(), refusal.messageKey(), locale));
        problem.setProperty("code", refusal.messageKey());
        if (refusal.field() != null) {
            problem.setProperty("field", refusal.field());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
