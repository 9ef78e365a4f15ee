package app.roster.web;

import app.roster.shared.Language;
import app.roster.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: a cookie remembers the choice; without one, the browser's Accept-Language decides. And a typed id's
 * converter that refuses a path's text is answered as if the controller had thrown that refusal.
 */
@Configuration(proxyBeanMethods = false)
class MvcConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver(WebSettings settings) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("roster-lang");
        resolver.setDefaultLocaleFunction(MvcConfiguration::fromAcceptLanguage);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(settings.https());
        return resolver;
    }

    private static Locale fromAcceptLanguage(HttpServletRequest request) {
        return Language.closest(request.getLocale()).locale();
    }

    /**
     * A malformed id ({@code /contacts/abc}) fails in its converter ({@code shared.Id#parse}) with a
     * {@link NotFound}, which Spring MVC wraps into a type mismatch (a 400). Handed back to the resolvers unwrapped,
     * it gets exactly the answer of an id that does not exist: the same page or problem, the same security event.
     */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        List<HandlerExceptionResolver> others = List.copyOf(resolvers);
        resolvers.addFirst((request, response, handler, exception) -> {
            if (!(exception instanceof TypeMismatchException) || !(rootCause(exception) instanceof NotFound notFound)) {
                return null;
            }
            for (HandlerExceptionResolver resolver : others) {
                ModelAndView answer = resolver.resolveException(request, response, handler, notFound);
                if (answer != null) {
                    return answer;
                }
            }
            return null;
        });
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String localeValue) {
                return Language.fromCode(localeValue).map(Language::locale).orElse(null);
            }
        };
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        // The API answers in the Accept-Language of each request and sets no cookie.
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
    }
}
