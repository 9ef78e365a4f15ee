package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests of a signed-in user within the touch interval leave the session row alone, unless they change it. */
@IntegrationTest
class SparseSessionTouchesIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void requestsWithinTheIntervalWriteNothingButAChangedAttributeIsSavedWithTheTime() {
        Person jane = registrations.registerVerified("Jane");
        Visitor visitor = new Visitor(port);
        visitor.login(jane.email(), jane.password());
        assertThat(visitor.get("/profile").status()).isEqualTo(200);
        long afterLogin = lastAccess(jane);

        assertThat(visitor.get("/profile").status()).isEqualTo(200);
        assertThat(visitor.get("/profile/security").status()).isEqualTo(200);
        assertThat(lastAccess(jane)).as("two more requests, no write").isEqualTo(afterLogin);

        // The enrolment page keeps the pending secret in the session.
        assertThat(visitor.get("/profile/two-factor").status()).isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM spring_session_attributes a JOIN spring_session s ON s.primary_id = a.session_primary_id
                WHERE s.principal_name = ? AND a.attribute_name LIKE '%SecurityController.SECRET'""")
                .param(String.valueOf(jane.id())).query(Integer.class).single()).isEqualTo(1);
        assertThat(lastAccess(jane)).as("written with the change").isGreaterThan(afterLogin);
        assertThat(visitor.get("/profile").status()).as("still signed in").isEqualTo(200);
    }

    private long lastAccess(Person person) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE principal_name = ?")
                .param(String.valueOf(person.id())).query(Long.class).single();
    }
}
