package dev.strata.sample.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.strata.sample.config.DatabaseSettings;
import dev.strata.sample.items.StoreHealth;
import dev.strata.sample.items.StoreUnavailableException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The PostgreSQL connection pool and its health. A background check keeps {@link #health()}
 * current and applies migrations on the first successful contact; while the database is down,
 * {@link #connection()} fails at once (no waiting on the pool), and it recovers by itself when
 * the check succeeds again.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final ScheduledExecutorService checker;
    private final AtomicReference<StoreHealth> health = new AtomicReference<>(StoreHealth.down("not checked yet"));
    private final AtomicBoolean migrated = new AtomicBoolean();

    private Database(DatabaseSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.checker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("db-health")
                .factory());
    }

    /** Creates the pool (without connecting), checks once, then keeps checking in the background. */
    public static Database start(DatabaseSettings settings, MeterRegistry registry) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("items");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolMax());
        config.setMinimumIdle(Math.min(2, settings.poolMax()));
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(settings.connectTimeout().toMillis(), 1000)));
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout",
                Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.setMetricRegistry(registry);
        Database database = new Database(settings, new HikariDataSource(config));
        database.check();
        long interval = settings.healthInterval().toMillis();
        database.checker.scheduleWithFixedDelay(database::check, interval, interval, TimeUnit.MILLISECONDS);
        return database;
    }

    /** A pooled connection; fails fast with {@link StoreUnavailableException} while the database is down. */
    public Connection connection() {
        StoreHealth current = health.get();
        if (!current.up()) {
            throw new StoreUnavailableException("database is unavailable: " + current.detail());
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Marks the database down when an error means the connection is lost, and wraps it. */
    public RuntimeException failed(SQLException e) {
        if (e instanceof SQLTransientConnectionException && e.getCause() == null) {
            // Every pooled connection is busy and none came free in time: the database is fine.
            return new StoreUnavailableException("all " + settings.poolMax()
                    + " database connections are busy (DATABASE_POOL_MAX)", e);
        }
        if (isConnectionProblem(e)) {
            markDown(e);
            return new StoreUnavailableException("database is unavailable: " + e.getMessage(), e);
        }
        return new IllegalStateException("database statement failed: " + e.getMessage(), e);
    }

    public StoreHealth health() {
        return health.get();
    }

    public DatabaseSettings settings() {
        return settings;
    }

    void check() {
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid((int) Math.max(1, settings.connectTimeout().toSeconds()))) {
                markDown(new SQLException("connection failed validation"));
                return;
            }
            if (!migrated.get()) {
                int version = Migrations.apply(connection);
                migrated.set(true);
                LOG.info("database schema at version " + version);
            }
            StoreHealth previous = health.getAndSet(StoreHealth.up("postgresql"));
            if (!previous.up()) {
                LOG.info("database is reachable");
            }
        } catch (SQLException | RuntimeException e) {
            markDown(e);
        }
    }

    private void markDown(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        StoreHealth previous = health.getAndSet(StoreHealth.down(detail));
        if (previous.up() || "not checked yet".equals(previous.detail())) {
            LOG.warning("database is unreachable: " + detail);
        }
    }

    private static boolean isConnectionProblem(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        for (SQLException current = e; current != null; current = current.getNextException()) {
            String state = current.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        checker.shutdownNow();
        pool.close();
    }
}
