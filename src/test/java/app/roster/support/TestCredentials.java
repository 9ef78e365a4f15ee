package app.roster.support;

import app.roster.credential.CreateApiKey;
import app.roster.credential.CreatePersonalToken;
import app.roster.credential.IssuedSecret;
import app.roster.shared.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Credentials made through the real use cases, for tests that call the API. A bean of every {@link IntegrationTest}. */
public final class TestCredentials {

    private final JdbcClient jdbc;
    private final CreateApiKey createApiKey;
    private final CreatePersonalToken createToken;
    private Actor.Staff administrator;

    TestCredentials(JdbcClient jdbc, CreateApiKey createApiKey, CreatePersonalToken createToken) {
        this.jdbc = jdbc;
        this.createApiKey = createApiKey;
        this.createToken = createToken;
    }

    /**
     * An Administrator with a staff row of their own (a key names who created it), made again when a test
     * emptied the staff table since.
     */
    public synchronized Actor.Staff administrator() {
        if (administrator == null || jdbc.sql("SELECT COUNT(*) FROM staff WHERE id = ?").param(administrator.staffId())
                .query(Long.class).single() == 0) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO staff (email, name, role, created_at) VALUES (?, 'Ada Admin', 'ADMINISTRATOR', ?)")
                    .params("ada-" + UUID.randomUUID() + "@example.com", Timestamp.from(Instant.now()))
                    .update(keys, "id");
            administrator = new Actor.Staff(keys.getKey().longValue(), Actor.Staff.Role.ADMINISTRATOR, "Ada Admin", "ada@example.com");
        }
        return administrator;
    }

    /** A platform API key with these scopes ("members:read"), usable from anywhere, without expiry. */
    public IssuedSecret apiKey(String name, String... scopes) {
        IssuedSecret key = createApiKey.create(administrator(), new CreateApiKey.NewApiKey(name,
                Arrays.stream(scopes).collect(Collectors.toCollection(LinkedHashSet::new)), null, null));
        Secrets.record("API key secret", key.secret());
        return key;
    }

    public String keySecret(String... scopes) {
        return apiKey("Billing " + UUID.randomUUID().toString().substring(0, 6), scopes).secret();
    }

    /** A personal token of the user in the account, carrying these permissions (which they must hold). */
    public IssuedSecret token(long userId, long accountId, String name, String... permissions) {
        IssuedSecret token = createToken.create(new Actor.Member(userId, accountId), accountId, name,
                new LinkedHashSet<>(Arrays.asList(permissions)), null);
        Secrets.record("personal token", token.secret());
        return token;
    }

    public String tokenSecret(long userId, long accountId, String... permissions) {
        return token(userId, accountId, "CI", permissions).secret();
    }
}
