package app.roster.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module reads or writes another module's tables: the SQL naming a table lives in the module that owns it,
 * and the others call the read functions it offers. Every table the migrations create has an owner here, so a
 * new table is given one.
 */
class OwnTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/app/roster");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Map<String, String> OWNERS = Map.ofEntries(
            entry("users", "user"), entry("user_tokens", "user"), entry("recovery_codes", "user"),
            entry("spring_session", "user"), entry("spring_session_attributes", "user"),
            entry("accounts", "account"), entry("account_allowed_domains", "account"),
            entry("memberships", "membership"),
            entry("invitations", "invitation"), entry("invitation_replaced_links", "invitation"),
            entry("contacts", "contact"), entry("contact_unsubscribe_links", "contact"),
            entry("outbox", "mail"), entry("audit_events", "audit"),
            entry("staff", "staff"), entry("staff_tokens", "staff"),
            entry("rate_limits", "ratelimit"), entry("known_devices", "ratelimit"),
            entry("api_keys", "credential"), entry("personal_tokens", "credential"),
            entry("idempotency_keys", "idempotency"),
            entry("oidc_signing_keys", "oidc"), entry("oidc_spent_refresh_tokens", "oidc"),
            entry("oidc_logout_outbox", "oidc"), entry("oauth2_registered_client", "oidc"),
            entry("oauth2_authorization", "oidc"), entry("oauth2_authorization_consent", "oidc"),
            entry("webhook_endpoints", "webhook"), entry("webhook_events", "webhook"),
            entry("webhook_deliveries", "webhook"), entry("webhook_sequences", "webhook"));
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z0-9_]+)");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void everyTableHasAnOwningModule() throws IOException {
        Set<String> created = new TreeSet<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            Matcher matcher = CREATE_TABLE.matcher(Files.readString(migration));
            while (matcher.find()) {
                created.add(matcher.group(1).toLowerCase());
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(OWNERS.keySet()).containsAll(created);
        for (String module : OWNERS.values()) {
            assertThat(SOURCES.resolve(module)).as("module " + module).isDirectory();
        }
    }

    @Test
    void eachModulesSqlNamesOnlyItsOwnTables() throws IOException {
        List<String> foreign = new ArrayList<>();
        int files = 0;
        for (Path source : files(SOURCES, ".java")) {
            String module = SOURCES.relativize(source).getName(0).toString();
            String sql = sqlOf(Files.readString(source));
            files++;
            OWNERS.forEach((table, owner) -> {
                if (!owner.equals(module) && Pattern.compile("(?i)\\b(from|join|into|update|table)\\s+" + table + "\\b")
                        .matcher(sql).find()) {
                    foreign.add(SOURCES.relativize(source) + " names " + table + ", a table of " + owner);
                }
            });
        }
        assertThat(files).isGreaterThan(100);
        assertThat(foreign).isEmpty();
    }

    /** The string literals and text blocks of a source file, where its SQL is. */
    private static String sqlOf(String source) {
        List<String> strings = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            strings.add(blocks.group(1));
        }
        Matcher literals = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(" "));
        while (literals.find()) {
            strings.add(literals.group(1));
        }
        return String.join(" ", strings);
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
