package io.compressor.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/// Fresh, empty databases for tests: a SQLite file, or a new database on the real PostgreSQL that
/// `scripts/test` starts and names in `COMPRESSOR_TEST_POSTGRES_URL`.
public final class TestDatabases {
    public static final String POSTGRES_URL_VARIABLE = "COMPRESSOR_TEST_POSTGRES_URL";

    private TestDatabases() {}

    /// A JDBC URL of a new empty database of the named engine: `sqlite` or `postgres`.
    public static String fresh(String engine, Path folder) {
        return switch (engine) {
            case "sqlite" -> "jdbc:sqlite:" + folder.resolve("test-" + UUID.randomUUID() + ".db");
            case "postgres" -> freshPostgres();
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }

    private static String freshPostgres() {
        String admin = TestEnvironment.required(POSTGRES_URL_VARIABLE, "a real PostgreSQL");
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin, e);
        }
        return admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }
}
