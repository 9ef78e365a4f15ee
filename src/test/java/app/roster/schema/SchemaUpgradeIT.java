package app.roster.schema;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.TestInfrastructure;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database at the schema of the last release upgrades when the application starts with in-order migrations:
 * Flyway validates, applies this round's migrations, and the result is the schema a fresh database gets. The
 * shared application's own Flyway configuration (its locations, its callbacks, in-order) migrates a database of
 * the last release next to its own, as it does its own database at startup (Boot calls {@code migrate()}), so
 * the test needs no application of its own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaUpgradeIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Autowired
    Flyway applicationFlyway;

    @Autowired
    DataSource applicationDataSource;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username:sa}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    /** The last release's database, upgraded by the application's Flyway. */
    Flyway flyway;
    DataSource dataSource;

    @BeforeAll
    void upgradeADatabaseOfTheLastRelease() {
        String previousUrl = newDatabase("roster_previous_");
        PreviousReleaseDatabase.migrate(previousUrl, username, password);
        flyway = Flyway.configure().configuration(applicationFlyway.getConfiguration())
                .dataSource(previousUrl, username, password).load();
        flyway.migrate();
        dataSource = new DriverManagerDataSource(previousUrl, username, password);
    }

    @Test
    void theLastReleasesDatabaseUpgradesInOrder() {
        assertThat(flyway.getConfiguration().isOutOfOrder()).isFalse();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        MigrationInfo[] migrations = flyway.info().all();
        assertThat(migrations).extracting(migration -> migration.getVersion().getVersion())
                .contains("7.1", "17", "19", "21")
                .doesNotContain("100");
        // The renamed row keeps its place in the history, after 15.1; Flyway reports that, and nothing else.
        assertThat(migrations).filteredOn(migration -> !migration.getVersion().getVersion().equals("7.1"))
                .extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        // The newest migration there is was applied (a fixed number here broke with every new migration).
        assertThat(flyway.info().current().getVersion()).isEqualTo(java.util.Arrays.stream(migrations)
                .map(MigrationInfo::getVersion).max(java.util.Comparator.naturalOrder()).orElseThrow());
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void thisRoundsTablesAndColumnsExist() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM known_devices", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(claimed_by) FROM outbox", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(version) FROM memberships", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(version) FROM invitations", Integer.class)).isZero();
    }

    @Test
    void theUpgradedSchemaIsTheOneAFreshDatabaseGets() throws SQLException {
        String freshUrl = newDatabase("roster_fresh_");
        Flyway fresh = Flyway.configure().configuration(flyway.getConfiguration())
                .dataSource(freshUrl, username, password).load();
        assertThat(fresh.migrate().success).isTrue();
        assertThat(fresh.info().all()).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);

        try (Connection upgraded = dataSource.getConnection();
                Connection created = DriverManager.getConnection(freshUrl, username, password)) {
            Set<String> upgradedSchema = schemaOf(upgraded);
            assertThat(upgradedSchema).contains("known_devices.device_hash", "outbox.claimed_by",
                    "memberships.version", "invitations.version", "index users.users_last_name_prefix_ix");
            assertThat(upgradedSchema).isEqualTo(schemaOf(created));
        }
    }

    /** A new, empty database next to the application's own, on the same server. */
    private String newDatabase(String prefix) {
        String name = prefix + DATABASES.incrementAndGet();
        if (TestInfrastructure.onPostgres()) {
            new JdbcTemplate(applicationDataSource).execute("CREATE DATABASE " + name);
            return url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        }
        return url.replaceFirst("mem:[^;]+", "mem:" + name);
    }

    /** Every column with its type and nullability, and every index with its columns, table by table. */
    private static Set<String> schemaOf(Connection connection) throws SQLException {
        Set<String> schema = new TreeSet<>();
        DatabaseMetaData metadata = connection.getMetaData();
        String namespace = connection.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = metadata.getTables(null, namespace, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            try (ResultSet columns = metadata.getColumns(null, namespace, table, "%")) {
                while (columns.next()) {
                    String column = table + "." + columns.getString("COLUMN_NAME");
                    schema.add(column);
                    schema.add(column + " " + columns.getString("TYPE_NAME") + "(" + columns.getInt("COLUMN_SIZE")
                            + ") nullable=" + columns.getString("IS_NULLABLE"));
                }
            }
            try (ResultSet indexes = metadata.getIndexInfo(null, namespace, table, false, false)) {
                while (indexes.next()) {
                    if (indexes.getString("INDEX_NAME") != null) {
                        schema.add("index " + table + "." + indexes.getString("INDEX_NAME"));
                        schema.add("index " + table + "." + indexes.getString("INDEX_NAME") + " "
                                + indexes.getShort("ORDINAL_POSITION") + " " + indexes.getString("COLUMN_NAME"));
                    }
                }
            }
        }
        return schema;
    }
}
