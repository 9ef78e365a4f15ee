package app.roster.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves only the folders that hold static files, instead of Boot's default {@code /**} handler. Every link a
 * page writes passes through {@code ResourceUrlEncodingFilter}, which asks each matching handler whether the
 * path is one of its files: under {@code /**} that was every link ({@code /users/42} looked up in the jar, the
 * miss never cached), the most expensive part of a long page. Our own css and js are named by their content
 * ({@code /css/roster-<md5>.css}) and the webjars by their version, so all of them may be cached for a year.
 * An unknown URL finds no handler at all and gets the 404 page or problem ({@link ErrorAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic()
            .immutable();

    /** The folders of {@code src/main/resources/static}; a new one is added here. */
    private static final String[] OWN_FOLDERS = {"css", "js"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : OWN_FOLDERS) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(FOR_A_YEAR)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        // The chain adds the webjars locator by itself: /webjars/bootstrap/css/… resolves to its versioned path.
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(FOR_A_YEAR)
                .resourceChain(true);
    }
}
