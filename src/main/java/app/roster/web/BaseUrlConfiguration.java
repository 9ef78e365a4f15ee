package app.roster.web;

import app.roster.shared.BaseUrl;
import app.roster.shared.Brand;
import app.roster.shared.SecureCookies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Features build their links, set their cookies and show the host's brand from the shell's settings without
 * depending on the shell (it depends on them).
 */
@Configuration(proxyBeanMethods = false)
class BaseUrlConfiguration {

    @Bean
    BaseUrl baseUrl(WebSettings settings) {
        return new BaseUrl(settings.baseUrl());
    }

    /** Checked here, at start: a bad colour or address stops Roster with the variable's name. */
    @Bean
    Brand brand(BrandSettings settings) {
        return Brand.of(settings.logoUrl(), settings.primaryColor(), settings.faviconUrl(), settings.supportUrl(),
                settings.footerLinks());
    }

    @Bean
    SecureCookies secureCookies(WebSettings settings) {
        return new SecureCookies(settings.https());
    }
}
