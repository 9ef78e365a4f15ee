package app.roster.ratelimit.web;

import app.roster.ratelimit.LinkLookups.TooManyLinkLookups;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Answers a link opened by an IP that tried too many unknown ones: 429 and a page that says to wait. */
@ControllerAdvice
class LinkLookupsAdvice {

    @ExceptionHandler(TooManyLinkLookups.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooMany(TooManyLinkLookups refused, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
        return "error/429";
    }
}
