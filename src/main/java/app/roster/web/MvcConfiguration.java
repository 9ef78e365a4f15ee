package app.roster.web;

import app.roster.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Languages: a cookie remembers the choice; without one, the browser's Accept-Language decides. */
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
