package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A session that times out ends like a logout: removed by one node, and published once, so the platform hears
 * {@code session.ended}; a session still in use, or one without a user, publishes nothing.
 */
@IntegrationTest
class ExpiredSessionsIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    ExpiredSessions expiredSessions;
    @Autowired
    JdbcClient jdbc;

    /** An event type no endpoint takes writes no event: a (disabled) endpoint takes {@code session.ended} here. */
    @BeforeEach
    void anEndpointTakesSessionEnded() {
        jdbc.sql("""
                INSERT INTO webhook_endpoints (url, event_types, enabled, secret, created_by_type, created_at)
                VALUES ('https://receiver.example.test/sessions', 'session.ended', FALSE, 'unused', 'SYSTEM', ?)""")
                .param(Timestamp.from(Instant.now())).update();
    }

    @AfterEach
    void noEndpointLeft() {
        jdbc.sql("DELETE FROM webhook_endpoints WHERE url = 'https://receiver.example.test/sessions'").update();
    }

    @Test
    void aTimedOutSessionIsRemovedAndAnnouncedOnce() {
        Person idle = registrations.registerVerified("Ida");
        Person busy = registrations.registerVerified("Bea");
        Visitor ida = new Visitor(port);
        ida.login(idle.email(), idle.password());
        Visitor bea = new Visitor(port);
        bea.login(busy.email(), busy.password());
        assertThat(ida.get("/profile").status()).isEqualTo(200);
        jdbc.sql("UPDATE spring_session SET expiry_time = ? WHERE principal_name = ?")
                .params(System.currentTimeMillis() - 1000, String.valueOf(idle.id())).update();

        expiredSessions.endExpired();
        expiredSessions.endExpired();

        assertThat(sessions(idle)).isZero();
        assertThat(sessions(busy)).isEqualTo(1);
        assertThat(ended(idle)).isEqualTo(1);
        assertThat(ended(busy)).isZero();
        assertThat(jdbc.sql("SELECT payload FROM webhook_events WHERE type = 'session.ended' AND stream = ?")
                .param(-idle.id()).query(String.class).single()).contains("\"allSessions\":false");
        assertThat(ida.get("/profile").status()).as("logged out").isEqualTo(302);
        assertThat(bea.get("/profile").status()).isEqualTo(200);
    }

    private long sessions(Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                .param(String.valueOf(person.id())).query(Long.class).single();
    }

    private long ended(Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_events WHERE type = 'session.ended' AND stream = ?")
                .param(-person.id()).query(Long.class).single();
    }
}
