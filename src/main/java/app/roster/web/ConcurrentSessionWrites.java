package app.roster.web;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Lets requests of one session write to it at the same moment (a double-click, a retrying client). Each
 * request loads the session, and one that stores a new attribute (a flash message, a CSRF token) inserts
 * it: the second such insert would break the primary key and answer 500. The insert is therefore an
 * upsert, and it writes only while the session row still exists, so an attribute stored while another
 * request logs out is dropped instead of breaking the foreign key. Updates and deletes of rows that are
 * gone already change nothing and need no care.
 *
 * <p>Spring Boot's own customizer runs first (it sets the table name, which resets the queries).
 */
@Component
class ConcurrentSessionWrites implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    /**
     * {@code ON CONFLICT} is atomic under concurrent inserts; {@code FOR KEY SHARE} makes a session deleted
     * by a transaction that commits meanwhile drop out of the select instead of failing the key check.
     */
    static final String POSTGRESQL = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            SELECT S.PRIMARY_ID, A.ATTRIBUTE_NAME, A.ATTRIBUTE_BYTES
            FROM (SELECT CAST(? AS CHAR(36)) AS PRIMARY_ID, CAST(? AS VARCHAR(200)) AS ATTRIBUTE_NAME,
                    CAST(? AS BYTEA) AS ATTRIBUTE_BYTES) A
            JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.PRIMARY_ID
            FOR KEY SHARE OF S
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    /** H2 has no {@code ON CONFLICT … DO UPDATE}; its {@code MERGE} does the same. */
    static final String H2 = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES T
            USING (SELECT S.PRIMARY_ID, A.ATTRIBUTE_NAME, A.ATTRIBUTE_BYTES
                    FROM (SELECT CAST(? AS CHAR(36)) AS PRIMARY_ID, CAST(? AS VARCHAR(200)) AS ATTRIBUTE_NAME,
                            CAST(? AS VARBINARY) AS ATTRIBUTE_BYTES) A
                    JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.PRIMARY_ID) V
            ON T.SESSION_PRIMARY_ID = V.PRIMARY_ID AND T.ATTRIBUTE_NAME = V.ATTRIBUTE_NAME
            WHEN MATCHED THEN UPDATE SET ATTRIBUTE_BYTES = V.ATTRIBUTE_BYTES
            WHEN NOT MATCHED THEN INSERT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
                VALUES (V.PRIMARY_ID, V.ATTRIBUTE_NAME, V.ATTRIBUTE_BYTES)
            """;

    private final String vendor;

    ConcurrentSessionWrites(DataSource dataSource) throws MetaDataAccessException {
        this.vendor = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    }

    @Override
    public void customize(JdbcIndexedSessionRepository repository) {
        switch (vendor) {
            case "PostgreSQL" -> repository.setCreateSessionAttributeQuery(POSTGRESQL);
            case "H2" -> repository.setCreateSessionAttributeQuery(H2);
            // Roster's migrations are for these two; another database keeps Spring Session's plain insert.
            default -> { }
        }
    }
}
