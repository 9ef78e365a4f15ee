package app.roster.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * The access-denied handler of both security chains: a CSRF refusal becomes a security event; every refusal
 * is then answered as before (403 and the error page).
 */
@Component
public class CsrfRefusals implements AccessDeniedHandler {

    private final SecurityEvents events;
    private final AccessDeniedHandler answer = new AccessDeniedHandlerImpl();

    CsrfRefusals(SecurityEvents events) {
        this.events = events;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException) {
            events.csrfRefused(request);
        }
        answer.handle(request, response, denied);
    }
}
