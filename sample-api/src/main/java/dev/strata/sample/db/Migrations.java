package dev.strata.sample.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

/**
 * Creates or upgrades the schema at start-up. Migrations are numbered and applied once, in
 * order, inside one transaction holding an advisory lock, so replicas starting together do not
 * race. Add a migration by appending to {@link #STEPS}; never edit an applied one.
 */
public final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());
    private static final long LOCK_KEY = 0x5354524154414CL;

    private static final List<String> STEPS = List.of(
            """
            CREATE TABLE items (
                id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name        VARCHAR(200)  NOT NULL,
                description VARCHAR(2000),
                created_at  TIMESTAMPTZ   NOT NULL,
                updated_at  TIMESTAMPTZ   NOT NULL
            )""");

    private Migrations() {
    }

    /** Applies the missing steps; returns the schema version now in place. */
    public static int apply(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                    + "version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            int current;
            try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
                rs.next();
                current = rs.getInt(1);
            }
            for (int version = current + 1; version <= STEPS.size(); version++) {
                statement.execute(STEPS.get(version - 1));
                statement.execute("INSERT INTO schema_migrations (version) VALUES (" + version + ")");
                LOG.info("applied schema migration " + version);
            }
            connection.commit();
            return STEPS.size();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
