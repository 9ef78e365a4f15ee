package app.roster.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP server when one is configured, otherwise the dev mailbox: chosen when the bean is made. */
@Configuration(proxyBeanMethods = false)
class MailDeliveryConfiguration {

    @Bean
    Delivery delivery(Environment environment, ObjectProvider<JavaMailSenderImpl> sender, MailSettings settings) {
        return SmtpConfigured.in(environment) ? new SmtpDelivery(sender.getObject(), settings)
                : new DevMailboxDelivery();
    }
}
