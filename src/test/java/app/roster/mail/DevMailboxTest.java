package app.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.roster.support.Mailbox;
import app.roster.support.TestInfrastructure;
import app.roster.user.EmailVerificationRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without an SMTP server, mail goes to the dev mailbox page instead. TestInfrastructure puts its GreenMail
 * host first among the property sources, above @TestPropertySource, so a second initializer clears it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = {TestInfrastructure.class, DevMailboxTest.WithoutSmtp.class})
class DevMailboxTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Delivery delivery;

    @Test
    void anEmailIsDeliveredToTheDevMailboxAndReadableWithItsLink() throws Exception {
        String to = MailDeliveryTest.unique();
        String link = "http://localhost:8080/verify-email?token=dev-mailbox-token";
        transactions.executeWithoutResult(status -> events.publishEvent(new EmailVerificationRequested(8, to,
                "Ann", Locale.ENGLISH, link, Instant.now().plus(Duration.ofHours(48)))));

        long id = await().until(() -> jdbc.sql("SELECT id FROM outbox WHERE recipient = ? AND state = 'SENT'")
                .param(to).query(Long.class).optional(), java.util.Optional::isPresent).orElseThrow();

        assertThat(delivery).isInstanceOf(DevMailboxDelivery.class);
        assertThat(Mailbox.shared().messagesTo(to)).as("nothing went to an SMTP server").isEmpty();

        String list = mvc.perform(get("/dev/mailbox")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(to, "Verify your email address for Roster", "/dev/mailbox/" + id, "Delivered")
                .doesNotContain("??mail.");

        String page = mvc.perform(get("/dev/mailbox/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Verify your email address for Roster", to,
                "<a href=\"" + link + "\">" + link + "</a>", "<iframe sandbox=", "srcdoc=\"&lt;base target=")
                .doesNotContain("??mail.");
    }

    @Test
    void anUnknownMessageAnswers404() throws Exception {
        mvc.perform(get("/dev/mailbox/999999")).andExpect(status().isNotFound());
    }

    @Test
    void theMailboxIsInvisibleFromAnotherMachine() throws Exception {
        mvc.perform(get("/dev/mailbox").with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        })).andExpect(status().isNotFound());
    }

    /** Clears the SMTP host that TestInfrastructure sets, as an unconfigured installation has it. */
    static class WithoutSmtp implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("roster-test-without-smtp", Map.of("spring.mail.host", "")));
        }
    }
}
