package app.roster.web;

import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps the shared exceptions of every feature to their pages. Ahead of Boot's problem-details handler, so
 * that a browser asking for an unknown URL gets the 404 page while API clients still get RFC 9457 JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorAdvice {

    @ExceptionHandler(exception = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String noSuchPage() {
        return "error/404";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(CurrentAccount.PermissionDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "error/403";
    }

    @ExceptionHandler(CurrentAccount.NoneSelected.class)
    String noAccount() {
        return "redirect:/accounts";
    }
}
