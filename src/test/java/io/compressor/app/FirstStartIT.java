package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.account.AccountService;
import io.compressor.account.ApiKeyService;
import io.compressor.account.SecretBox;
import io.compressor.db.Database;
import io.compressor.db.DbConfig;
import io.compressor.db.SqlAccountStore;
import io.compressor.db.SqlApiKeyStore;
import io.compressor.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// The first start on an empty database, against the real databases: several nodes starting together on it make one
/// account and one key between them, and a database that already has an account gets none.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class FirstStartIT {
    private static final int NODES = 4;

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void close() {
        databases.forEach(Database::close);
    }

    /// One node's services over its own connection pool to the shared database.
    private record Node(Database database, AccountService accounts, ApiKeyService keys) {
        Optional<FirstStart.Welcome> start() {
            return FirstStart.run(database, accounts, keys);
        }
    }

    private Node node(String url) {
        Database database = Database.open(new DbConfig(url, null, null, 2));
        databases.add(database);
        AccountService accounts = new AccountService(new SqlAccountStore(database), new SecretBox(new byte[32]), Clock.systemUTC());
        return new Node(database, accounts, new ApiKeyService(new SqlApiKeyStore(database), accounts, Clock.systemUTC()));
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseMakeOneAccountAndOneKeyBetweenThem() throws Exception {
        String url = TestDatabases.fresh(engine, dir);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(node(url));
        }
        CyclicBarrier together = new CyclicBarrier(NODES);
        List<Optional<FirstStart.Welcome>> welcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(NODES)) {
            List<Future<Optional<FirstStart.Welcome>>> starts = new ArrayList<>();
            for (Node node : nodes) {
                starts.add(pool.submit(() -> {
                    together.await();
                    return node.start();
                }));
            }
            for (Future<Optional<FirstStart.Welcome>> start : starts) {
                welcomes.add(start.get());
            }
        }
        List<FirstStart.Welcome> made = welcomes.stream().flatMap(Optional::stream).toList();
        assertThat(made).as("exactly one node welcomes").hasSize(1);
        Node any = nodes.getLast();
        assertThat(any.accounts().list()).extracting(a -> a.id()).containsExactly(made.getFirst().account().id());
        assertThat(any.keys().authenticate(made.getFirst().key().secret())).get()
                .extracting(a -> a.id()).isEqualTo(made.getFirst().account().id());
        assertThat(any.start()).as("a later start").isEmpty();
    }

    @Test
    void aDatabaseThatAlreadyHasAnAccountIsLeftAlone() {
        Node node = node(TestDatabases.fresh(engine, dir));
        node.accounts().create("Made with the CLI", null);
        assertThat(node.start()).isEmpty();
        assertThat(node.accounts().list()).extracting(a -> a.name()).containsExactly("Made with the CLI");
    }
}
