package app.roster.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The vendor-specific search indexes were numbered V100 until release cbe48f5, which forced out-of-order
 * migrations on every later common migration. They are V7.1 now, where the first databases applied them;
 * a database of an earlier release still records them as version 100, so before Flyway validates, that
 * history row is given the new number (the script is unchanged, so its checksum still matches). Without
 * this, Flyway would see V7.1 as missing below the applied V100 and refuse to start. See
 * docs/adr/0001-migration-numbers.md.
 */
@Component
class RenumberedSearchIndexes implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(RenumberedSearchIndexes.class);
    static final String OLD_VERSION = "100";
    static final String NEW_VERSION = "7.1";

    @Override
    public boolean supports(Event event, Context context) {
        // Migrate validates first unless validation on migrate is off; then the rename runs before migrating.
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE || event == Event.BEFORE_INFO;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try {
            if (!historyExists(connection, table)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                int renamed = statement.executeUpdate("UPDATE " + table + " SET version = '" + NEW_VERSION
                        + "', script = 'V7_1__search_indexes.sql' WHERE version = '" + OLD_VERSION + "'");
                if (renamed > 0) {
                    LOG.info("Schema history: the search indexes applied as V{} are recorded as V{} now",
                            OLD_VERSION, NEW_VERSION);
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not renumber the search indexes in " + table, e);
        }
    }

    private static boolean historyExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return tables.next();
        }
    }

    @Override
    public String getCallbackName() {
        return "renumbered search indexes";
    }
}
