package app.roster.membership.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class MembershipWebConfiguration implements WebMvcConfigurer {

    private final CurrentAccountArgumentResolver currentAccount;

    MembershipWebConfiguration(CurrentAccountArgumentResolver currentAccount) {
        this.currentAccount = currentAccount;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(currentAccount);
    }
}
