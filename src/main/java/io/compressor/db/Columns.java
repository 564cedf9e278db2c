package io.compressor.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/// Column readers that behave the same on SQLite and PostgreSQL.
final class Columns {
    private Columns() {}

    /// A `TIMESTAMP WITH TIME ZONE` column, or null. Both drivers return it as a `Timestamp`
    /// when the JVM runs in UTC, which every launcher and test run ensures.
    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
