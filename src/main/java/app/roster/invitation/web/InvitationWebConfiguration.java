package app.roster.invitation.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class InvitationWebConfiguration implements WebMvcConfigurer {

    private final PendingInvitesSection pendingInvitesSection;

    InvitationWebConfiguration(PendingInvitesSection pendingInvitesSection) {
        this.pendingInvitesSection = pendingInvitesSection;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(pendingInvitesSection).addPathPatterns("/users");
    }
}
