package io.compressor.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/// The connection pool, migrated to the latest schema on open. SQLite gets WAL mode, a busy timeout
/// and foreign keys, so concurrent writers wait instead of failing and references are enforced.
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.sqlite = sqlite;
        if (sqlite) {
            jdbi.setStatementBuilderFactory(new CachedStatements());
        }
    }

    /// True for the embedded SQLite file, false for PostgreSQL: for the few statements that differ.
    public boolean sqlite() {
        return sqlite;
    }

    public static Database open(DbConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("compressor-db");
        if (config.sqlite()) {
            createParentFolder(config.url());
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("busy_timeout", "10000");
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("synchronous", "NORMAL"); // WAL stays consistent; a power cut may lose the last commits
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new ServiceException(ErrorCode.UNAVAILABLE, "Cannot connect to the database at "
                    + DbConfig.redacted(config.url()) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, config.sqlite());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /// True when a round trip to the database succeeds; what `/health` reports.
    public boolean ping() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void createParentFolder(String url) {
        Path file = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new ServiceException(ErrorCode.UNAVAILABLE, "Cannot create the database folder " + parent
                    + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
