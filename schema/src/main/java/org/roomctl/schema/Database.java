package org.roomctl.schema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * roomctl's PostgreSQL: a small connection pool, migrated to the current schema when opened
 * (several app instances may open it at once: Flyway takes a lock), and a jOOQ context. When the
 * database is down, a query fails within {@link #CONNECT_TIMEOUT} instead of hanging.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** How long to wait for a connection before failing: users are waiting on the other side. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final HikariDataSource pool;
    private final DSLContext dsl;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    /**
     * Opens the database at {@code jdbcUrl} and migrates it.
     *
     * @param poolName names the pool's threads and metrics, for example {@code admin-app}
     * @throws DatabaseUnavailableException if it cannot be reached or migrated, saying why
     */
    public static Database open(String jdbcUrl, String user, String password, String poolName, int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName(poolName);
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        config.setValidationTimeout(1000);
        config.setInitializationFailTimeout(CONNECT_TIMEOUT.toMillis());
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "roomctl " + poolName);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot connect to " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            MigrateResult result = migrate(pool);
            if (result.migrationsExecuted > 0) {
                log.info(
                        "database {}: {} migrations applied, schema now at version {}",
                        redact(jdbcUrl),
                        result.migrationsExecuted,
                        result.targetSchemaVersion);
            }
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseUnavailableException("cannot migrate " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Database(pool);
    }

    /** Applies the migrations in {@code db/migration} that the database lacks. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The URL without a password that might be in it, for messages. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (; t.getCause() != null && t.getCause() != t; t = t.getCause()) {}
        return String.valueOf(t.getMessage());
    }
}
