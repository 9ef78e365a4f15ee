package app.roster.user;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.servlet.LocaleResolver;

/** What happens after the login form (the user's language, the two-factor step, bookkeeping), and at logout. */
@Configuration(proxyBeanMethods = false)
class LoginHandlers {

    @Bean
    AuthenticationSuccessHandler clientLoginSucceeded(Users users, SignIn signIn, TwoFactorLogin twoFactor,
            LocaleResolver localeResolver, ReturnAfterLogin returnAfterLogin) {
        return (request, response, authentication) -> {
            SignedInUser principal = ((SignedInUser) authentication.getPrincipal()).withoutPassword();
            User user = users.findById(principal.id()).orElseThrow();
            localeResolver.setLocale(request, response, user.language().locale());
            if (user.twoFactorEnabled()) {
                twoFactor.begin(request, response, principal);
                response.sendRedirect(request.getContextPath() + "/login/two-factor");
                return;
            }
            signIn.complete(request, response, principal, false);
            response.sendRedirect(request.getContextPath() + returnAfterLogin.next(request, response, principal));
        };
    }

    @Bean
    AuthenticationFailureHandler clientLoginFailed(SignIn signIn, ReturnAfterLogin returnAfterLogin) {
        return (request, response, exception) -> {
            signIn.failed(request, request.getParameter("email"), reason(exception));
            // The login form on the invitation page keeps the invitee there, with the error beside the form.
            String page = "invitation".equals(request.getParameter("from"))
                    ? returnAfterLogin.peek(request).map(path -> path + "?loginError").orElse("/login?error")
                    : "/login?error";
            response.sendRedirect(request.getContextPath() + page);
        };
    }

    /**
     * Before the session goes (Spring Security invalidates it after this): the applications signed in through it
     * are told. The principal's name is the user id, in the Client Area as in the OpenID Connect logout.
     */
    @Bean
    LogoutHandler clientLogout(UserSessions sessions) {
        return (request, response, authentication) -> {
            var session = request.getSession(false);
            if (authentication == null || session == null || !authentication.getName().matches("\\d{1,18}")) {
                return;
            }
            sessions.loggedOut(Long.parseLong(authentication.getName()), session.getId());
        };
    }

    private static String reason(AuthenticationException exception) {
        return exception instanceof BadCredentialsException ? "bad_credentials"
                : exception.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
    }
}
