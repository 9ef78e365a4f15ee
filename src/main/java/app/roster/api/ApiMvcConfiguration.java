package app.roster.api;

import app.roster.security.SecurityEvents;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;

/**
 * Spring MVC for the API: the scope check on every {@code /api} route, {@link ApiCaller} as a controller
 * parameter, the problem resolver ahead of every other, and strict JSON (an unknown property is a 400: nothing
 * is bound that a request object does not declare).
 */
@Configuration(proxyBeanMethods = false)
class ApiMvcConfiguration implements WebMvcConfigurer {

    private final ApiProblems problems;
    private final SecurityEvents securityEvents;

    ApiMvcConfiguration(ApiProblems problems, SecurityEvents securityEvents) {
        this.problems = problems;
        this.securityEvents = securityEvents;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeCheck()).addPathPatterns(ApiPaths.PATTERN);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ApiCaller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return ScopeCheck.caller(SecurityContextHolder.getContext().getAuthentication());
            }
        });
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.addFirst(new ApiExceptionResolver(problems, securityEvents));
    }

    /** Only the API reads JSON bodies; the pages post forms. */
    @Bean
    static JsonMapperBuilderCustomizer strictApiJson() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
