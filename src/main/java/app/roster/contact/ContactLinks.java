package app.roster.contact;

import app.roster.shared.BaseUrl;
import app.roster.shared.OneTimeToken;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links in contact emails, from the configured base URL. An unsubscribe link is a fresh random token per
 * email whose hash is stored with (contact, category): a notification email to a contact calls
 * {@link #unsubscribe} in its own transaction and puts the answer into both the body and the headers
 * {@code List-Unsubscribe: <link>} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058).
 */
@Component
public class ContactLinks {

    private final BaseUrl baseUrl;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactLinks(BaseUrl baseUrl, JdbcClient jdbc, Clock clock) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String confirm(OneTimeToken token) {
        return link("/contacts/confirm", token);
    }

    /** A working unsubscribe link for one contact and one category (also the RFC 8058 one-click target). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String unsubscribe(long contactId, Category category) {
        OneTimeToken token = OneTimeToken.generate();
        jdbc.sql("INSERT INTO contact_unsubscribe_links (token_hash, contact_id, category, created_at) VALUES (?, ?, ?, ?)")
                .params(token.hash(), contactId, category.code(), Timestamp.from(clock.instant())).update();
        return link("/contacts/unsubscribe", token);
    }

    private String link(String path, OneTimeToken token) {
        return baseUrl.path(path).queryParam("token", token.value()).build().toUriString();
    }
}
