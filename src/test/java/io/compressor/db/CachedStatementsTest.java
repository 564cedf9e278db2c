package io.compressor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Prepared statements kept per SQLite connection, over a real SQLite file and the same pool as the server's.
class CachedStatementsTest {
    private static final String INSERT = "INSERT INTO t (id, name) VALUES (:id, :name)";
    private static final String NAME = "SELECT name FROM t WHERE id = :id";
    @TempDir
    Path dir;
    private HikariDataSource pool;
    private CachedStatements cache;
    private Jdbi jdbi;

    @BeforeEach
    void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("t.db"));
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        cache = new CachedStatements();
        jdbi = Jdbi.create(pool).setStatementBuilderFactory(cache);
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"));
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aStatementRunAgainIsPreparedOncePerConnectionAndBindsItsNewValues() {
        long before = cache.prepared();
        for (int id = 0; id < 200; id++) {
            int i = id;
            jdbi.useHandle(h -> h.createUpdate(INSERT).bind("id", i).bind("name", i % 3 == 0 ? null : "n" + i).execute());
        }
        for (int id = 0; id < 200; id++) {
            int i = id;
            assertThat(name(i)).as("row %d", i).isEqualTo(i % 3 == 0 ? null : "n" + i);
        }
        assertThat(cache.prepared() - before).as("two statements, each prepared once").isEqualTo(2);
    }

    @Test
    void theSameSqlOpenTwiceAtOnceGetsTwoStatements() {
        jdbi.useHandle(h -> {
            for (int id = 1; id <= 3; id++) {
                h.createUpdate(INSERT).bind("id", id).bind("name", "n" + id).execute();
            }
        });
        List<String> pairs = jdbi.withHandle(h -> {
            List<String> seen = new ArrayList<>();
            try (Stream<Integer> ids = h.createQuery("SELECT id FROM t WHERE id >= :from ORDER BY id").bind("from", 1)
                    .mapTo(Integer.class).stream()) {
                ids.forEach(id -> seen.add(id + ":" + h.createQuery("SELECT id FROM t WHERE id >= :from ORDER BY id")
                        .bind("from", id + 1).mapTo(Integer.class).list()));
            }
            return seen;
        });
        assertThat(pairs).containsExactly("1:[2, 3]", "2:[3]", "3:[]");
    }

    @Test
    void aStatementThatFailedServesTheNextCallAndARolledBackTransactionLeavesNothing() {
        jdbi.useHandle(h -> h.createUpdate(INSERT).bind("id", 1).bind("name", "first").execute());
        assertThatThrownBy(() -> jdbi.useHandle(h -> h.createUpdate(INSERT).bind("id", 1).bind("name", "again").execute()))
                .hasMessageContaining("UNIQUE");
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            h.createUpdate(INSERT).bind("id", 2).bind("name", "rolled back").execute();
            h.createUpdate(INSERT).bind("id", 1).bind("name", "again").execute();
        })).hasMessageContaining("UNIQUE");
        jdbi.useHandle(h -> h.createUpdate(INSERT).bind("id", 3).bind("name", "third").execute());
        List<String> rows = jdbi.withHandle(h -> h.createQuery("SELECT id || name FROM t ORDER BY id")
                .mapTo(String.class).list());
        assertThat(rows).containsExactly("1first", "3third");
    }

    @Test
    void aConnectionThePoolReplacedTakesItsStatementsWithIt() throws Exception {
        jdbi.useHandle(h -> h.createUpdate(INSERT).bind("id", 1).bind("name", "one").execute());
        assertThat(name(1)).isEqualTo("one");
        long before = cache.prepared();
        Connection old = jdbi.withHandle(h -> h.getConnection().unwrap(SQLiteConnection.class));
        pool.getHikariPoolMXBean().softEvictConnections();
        for (int i = 0; i < 100 && !old.isClosed(); i++) {
            Thread.sleep(50); // the pool closes it on a thread of its own
        }
        assertThat(old.isClosed()).as("the pool closed the old connection").isTrue();

        assertThat(name(1)).isEqualTo("one");
        assertThat(cache.prepared()).as("prepared again on the new connection").isEqualTo(before + 1);
        assertThat(cache.connections()).as("the closed connection's statements are gone").isEqualTo(1);
    }

    private String name(int id) {
        return jdbi.withHandle(h -> h.createQuery(NAME).bind("id", id).mapTo(String.class).findOne().orElse(null));
    }
}
