package io.compressor.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/// Keeps each SQLite connection's prepared statements for its next use. SQLite parses and plans a statement every
/// time the driver prepares one, and Jdbi prepares one for every statement it runs: in a warm server's profile that
/// was a fifth of the database's samples, and a statement costs about a quarter less CPU without it. Each pooled
/// connection keeps one idle statement per SQL text (the [#MAX_IDLE] used last); a statement in use is not handed out
/// twice, and the same SQL needed twice at once gets a second, uncached one. Statements asking for generated keys or
/// an updatable result go the default way. (PostgreSQL's driver keeps its own cache of server-prepared statements, so
/// it does not use this.)
final class CachedStatements implements StatementBuilderFactory {
    private static final int MAX_IDLE = 64;
    private final Map<Connection, Idle> idleByConnection = new ConcurrentHashMap<>();
    private final AtomicLong prepared = new AtomicLong();

    @Override
    public StatementBuilder createStatementBuilder(Connection pooled) {
        return new Builder();
    }

    /// Statements prepared so far, on every connection: what the cache saves shows here.
    long prepared() {
        return prepared.get();
    }

    /// Connections with statements kept.
    int connections() {
        return idleByConnection.size();
    }

    /// Statements of the connection under `pooled` (the pool's wrapper), made when it is first seen. Connections
    /// the pool has closed since are forgotten then, with their statements (closed with them).
    private Idle idle(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(org.sqlite.SQLiteConnection.class);
        Idle idle = idleByConnection.get(physical);
        if (idle == null) {
            idleByConnection.keySet().removeIf(CachedStatements::closed);
            idle = idleByConnection.computeIfAbsent(physical, Idle::new);
        }
        return idle;
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // closed with its connection at the latest
        }
    }

    /// One connection's idle statements by SQL, least recently used first; only its current borrower touches it.
    private final class Idle extends LinkedHashMap<String, PreparedStatement> {
        private final Connection physical;

        Idle(Connection physical) {
            super(16, 0.75f, true);
            this.physical = physical;
        }

        PreparedStatement take(String sql) throws SQLException {
            PreparedStatement statement = remove(sql);
            if (statement == null || statement.isClosed()) {
                prepared.incrementAndGet();
                statement = physical.prepareStatement(sql);
            }
            return statement;
        }

        void giveBack(String sql, PreparedStatement statement) throws SQLException {
            if (statement.isClosed()) {
                return;
            }
            statement.clearParameters();
            PreparedStatement other = putIfAbsent(sql, statement);
            if (other != null) {
                statement.close();
            }
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_IDLE) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    }

    /// One handle's builder: knows which of the statements it made came from the cache.
    private final class Builder implements StatementBuilder {
        private final StatementBuilder plain = new DefaultStatementBuilder();
        /// The statements lent from the cache, with the SQL they were prepared for (Jdbi closes them naming the SQL
        /// before its named parameters became `?`).
        private final Map<Statement, Lent> lent = new IdentityHashMap<>();

        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return plain.create(conn, ctx);
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return plain.create(conn, sql, ctx);
            }
            Idle idle = idle(conn);
            PreparedStatement statement = idle.take(sql);
            lent.put(statement, new Lent(idle, sql));
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return plain.createCall(conn, sql, ctx);
        }

        @Override
        public void close(Connection conn, String sql, Statement statement) throws SQLException {
            Lent from = lent.remove(statement);
            if (from == null) {
                plain.close(conn, sql, statement);
            } else {
                from.idle().giveBack(from.sql(), (PreparedStatement) statement);
            }
        }

        @Override
        public void close(Connection conn) {
            lent.keySet().forEach(CachedStatements::closeQuietly); // never given back: not fit to be used again
            lent.clear();
        }
    }

    private record Lent(Idle idle, String sql) {}
}
