package io.compressor.api;

import io.compressor.account.AccountService;
import io.compressor.account.ApiKeyService;
import io.compressor.db.Database;
import io.compressor.db.DbConfig;
import io.compressor.db.SqlAccountStore;
import io.compressor.db.SqlApiKeyStore;
import io.compressor.db.SqlJobStore;
import io.compressor.db.SqlConnectorStore;
import io.compressor.account.ConnectorService;
import io.compressor.account.SecretBox;
import io.compressor.fetch.FetchConfig;
import io.compressor.fetch.Fetcher;
import io.compressor.job.JobService;
import io.compressor.job.Permits;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Pipeline;
import io.compressor.storage.TempHosting;
import java.time.Duration;
import java.util.Set;
import io.compressor.pipeline.Limits;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/// Real services over a SQLite file, for tests that build an `HttpServer` with a twist of their own.
final class TestServices {
    private TestServices() {}

    static HttpServer.Services over(Database database, Path dir, BooleanSupplier databaseUp) {
        Clock clock = Clock.systemUTC();
        AccountService accounts = new AccountService(new SqlAccountStore(database), new SecretBox(new byte[32]), clock);
        Limits limits = new Limits(1 << 20, 1_000_000);
        TempHosting hosting = new TempHosting(dir.resolve("results"), Duration.ofHours(1), clock);
        ConnectorService connectors = new ConnectorService(new SqlConnectorStore(database), new SecretBox(new byte[32]),
                spec -> { throw new UnsupportedOperationException("no storage in this test"); }, clock);
        JobService jobs = new JobService(new SqlJobStore(database), Pipeline.start(new EngineConfig(io.compressor.testing.TestEngine.libraries(), 0,
                limits)), hosting, new Permits(2, 2), connectors, new io.compressor.storage.LocalSpool(dir.resolve("spool")), Long.MAX_VALUE, clock);
        return new HttpServer.Services(accounts, new ApiKeyService(new SqlApiKeyStore(database), accounts, clock), jobs, connectors,
                new io.compressor.account.SignInService(new io.compressor.db.SqlSignInStore(database), accounts, clock,
                        io.compressor.account.HashingLimit.forThisMachine()), hosting,
                new Fetcher(new FetchConfig(Set.of(), java.util.List.of(), limits.maxInputBytes(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 5, dir.resolve("tmp"))), databaseUp,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), limits, clock);
    }

    static Database sqlite(Path dir) {
        return Database.open(new DbConfig("jdbc:sqlite:" + dir.resolve("test.db"), null, null, 4));
    }

    static ApiConfig loopback(Optional<ApiConfig.Tls> tls, java.time.Duration grace) {
        return new ApiConfig("127.0.0.1", 0, Optional.empty(), tls, grace, 0,
                new ApiConfig.Uploads(64L << 20, Path.of(System.getProperty("java.io.tmpdir"))));
    }
}
