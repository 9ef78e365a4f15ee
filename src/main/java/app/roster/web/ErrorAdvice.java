package app.roster.web;

import app.roster.shared.CurrentAccount;
import app.roster.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Maps the shared exceptions of every feature to their pages. */
@ControllerAdvice
class ErrorAdvice {

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
