package org.roomctl.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fresh, empty databases for tests: on the PostgreSQL server named by the environment variable
 * {@code ROOMCTL_TEST_DATABASE_URL} (a JDBC URL of a database on it that the user may create
 * databases from, for example {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), or,
 * when it is unset, on one embedded PostgreSQL started for this JVM. Databases made here are
 * dropped when the JVM exits.
 */
public final class TestDatabases {
    public static final String ENV = "ROOMCTL_TEST_DATABASE_URL";

    private static EmbeddedDatabase embedded;
    private static final List<String> created = new ArrayList<>();

    private TestDatabases() {}

    /** Where the databases are made, for test reports. */
    public static synchronized String server() {
        String url = System.getenv(ENV);
        return url != null && !url.isBlank()
                ? "PostgreSQL at " + url.replaceAll("(?i)password=[^&]*", "password=***")
                : "embedded PostgreSQL";
    }

    /** A new empty database; returns its JDBC URL (user in the URL). */
    public static synchronized String fresh() {
        String name =
                "roomctl_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv(ENV);
        if (external != null && !external.isBlank()) {
            try (Connection c = DriverManager.getConnection(external);
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot create a test database on " + server() + ": " + e.getMessage(), e);
            }
            created.add(name);
            return replaceDatabase(external, name);
        }
        if (embedded == null) {
            embedded = EmbeddedDatabase.temporary();
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-postgres-stop"));
        }
        return embedded.createDatabase(name);
    }

    /** The same URL pointing at another database on the same server. */
    static String replaceDatabase(String url, String database) {
        int start = url.indexOf('/', "jdbc:postgresql://".length());
        int end = url.indexOf('?', start);
        return url.substring(0, start + 1) + database + (end < 0 ? "" : url.substring(end));
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "test-databases-drop"));
    }

    private static synchronized void dropCreated() {
        String external = System.getenv(ENV);
        if (external == null || created.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(external);
                Statement s = c.createStatement()) {
            for (String name : created) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases " + created + ": " + e.getMessage());
        }
    }
}
