package app.roster.support;

import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.user.RegisterUser;
import app.roster.user.Registration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signs test people up through the real use case, with addresses no other test uses. A bean of every {@link IntegrationTest}. */
public final class Registrations {

    public static final String PASSWORD = "violet-harbour-tempest-42";

    /** A registered person: their id, address and password. */
    public record Person(long id, String email, String password, String firstName) {
    }

    private final RegisterUser registerUser;
    private final JdbcClient jdbc;

    Registrations(RegisterUser registerUser, JdbcClient jdbc) {
        this.registerUser = registerUser;
        this.jdbc = jdbc;
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public Person register(String firstName) {
        Secrets.record("test password", PASSWORD);
        String email = uniqueEmail(firstName.toLowerCase());
        long id = registerUser.register(new Registration(firstName, "Tester", EmailAddress.of(email), PASSWORD,
                Language.EN)).orElseThrow();
        return new Person(id, email, PASSWORD, firstName);
    }

    public Person registerVerified(String firstName) {
        Person person = register(firstName);
        jdbc.sql("UPDATE users SET email_verified = TRUE WHERE id = ?").param(person.id()).update();
        return person;
    }

    public long accountOf(Person person) {
        return jdbc.sql("SELECT id FROM accounts WHERE owner_user_id = ? ORDER BY id LIMIT 1")
                .param(person.id()).query(Long.class).single();
    }

    /** The account's owner acting in it, as the use cases take them. */
    public Actor ownerOf(long accountId) {
        long owner = jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(accountId)
                .query(Long.class).single();
        return new Actor.Member(owner, accountId);
    }
}
