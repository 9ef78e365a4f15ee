package app.roster.web;

import app.roster.shared.BaseUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Features build their links from the shell's setting without depending on the shell (it depends on them). */
@Configuration(proxyBeanMethods = false)
class BaseUrlConfiguration {

    @Bean
    BaseUrl baseUrl(WebSettings settings) {
        return new BaseUrl(settings.baseUrl());
    }
}
