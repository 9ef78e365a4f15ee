package app.roster.web;

import app.roster.shared.BaseUrl;
import app.roster.shared.SecureCookies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Features build their links, and set their cookies, from the shell's settings without depending on the shell
 * (it depends on them).
 */
@Configuration(proxyBeanMethods = false)
class BaseUrlConfiguration {

    @Bean
    BaseUrl baseUrl(WebSettings settings) {
        return new BaseUrl(settings.baseUrl());
    }

    @Bean
    SecureCookies secureCookies(WebSettings settings) {
        return new SecureCookies(settings.https());
    }
}
