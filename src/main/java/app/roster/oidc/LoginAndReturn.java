package app.roster.oidc;

import app.roster.user.ReturnAfterLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** An authorization request from a visitor not signed in: the Client Area's login, then back to the request. */
final class LoginAndReturn implements AuthenticationEntryPoint {

    private final ReturnAfterLogin returnAfterLogin;

    LoginAndReturn(ReturnAfterLogin returnAfterLogin) {
        this.returnAfterLogin = returnAfterLogin;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        String path = request.getServletPath() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        returnAfterLogin.remember(request.getSession(), path);
        response.sendRedirect(request.getContextPath() + "/login");
    }
}
