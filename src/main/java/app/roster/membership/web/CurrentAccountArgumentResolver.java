package app.roster.membership.web;

import app.roster.membership.AccountSelection;
import app.roster.shared.CurrentAccount;
import app.roster.user.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers the {@link CurrentAccount}, checked against the database on this request. */
@Component
class CurrentAccountArgumentResolver implements HandlerMethodArgumentResolver {

    private final AccountSelection selection;

    CurrentAccountArgumentResolver(AccountSelection selection) {
        this.selection = selection;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentAccount.class;
    }

    @Override
    public CurrentAccount resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (request == null || authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            throw new CurrentAccount.NoneSelected();
        }
        return selection.current(request.getSession(false), user).orElseThrow(CurrentAccount.NoneSelected::new);
    }
}
