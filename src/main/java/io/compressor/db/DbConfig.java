package io.compressor.db;

import java.util.Objects;

/// Where the database is. A `jdbc:sqlite:` URL means the embedded default, a `jdbc:postgresql:` URL a server.
/// `toString` leaves the password out, so the record can be logged.
public record DbConfig(String url, String user, String password, int poolSize) {
    public DbConfig {
        Objects.requireNonNull(url, "url");
        if (!isSqlite(url) && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("expected a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    public boolean sqlite() {
        return isSqlite(url);
    }

    static boolean isSqlite(String url) {
        return url.startsWith("jdbc:sqlite:");
    }

    /// The URL with any `password=` parameter masked, fit for a log line or an error message.
    public static String redacted(String url) {
        return url.replaceAll("(?i)password=[^&;]*", "password=****");
    }

    @Override
    public String toString() {
        return "DbConfig[url=" + redacted(url) + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
