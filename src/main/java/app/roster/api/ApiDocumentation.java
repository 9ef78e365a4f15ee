package app.roster.api;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: the caller comes from the bearer credential, so it is no parameter of any operation. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiCaller.class);
    }
}
