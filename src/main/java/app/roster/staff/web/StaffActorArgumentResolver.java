package app.roster.staff.web;

import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import app.roster.staff.SignedInStaff;
import app.roster.staff.StaffMembers;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives Admin Area controllers the signed-in staff member as the use cases take them: a parameter of type
 * {@link Actor.Staff}. The use case, not the controller, decides what the role allows.
 */
@Component
class StaffActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final StaffMembers staff;

    StaffActorArgumentResolver(StaffMembers staff) {
        this.staff = staff;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.Staff.class;
    }

    @Override
    public Actor.Staff resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInStaff signedIn)) {
            throw Refusal.forbidden("error.403.body");
        }
        return staff.actorOf(signedIn);
    }
}
