package io.compressor.api;

import io.compressor.account.AccountService;
import io.compressor.account.ApiKeyService;
import io.compressor.db.Database;
import io.compressor.db.DbConfig;
import io.compressor.db.SqlAccountStore;
import io.compressor.db.SqlApiKeyStore;
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

    static HttpServer.Services over(Database database, BooleanSupplier databaseUp) {
        Clock clock = Clock.systemUTC();
        AccountService accounts = new AccountService(new SqlAccountStore(database), clock);
        return new HttpServer.Services(accounts, new ApiKeyService(new SqlApiKeyStore(database), accounts, clock),
                databaseUp, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new Limits(1 << 20, 1_000_000));
    }

    static Database sqlite(Path dir) {
        return Database.open(new DbConfig("jdbc:sqlite:" + dir.resolve("test.db"), null, null, 4));
    }

    static ApiConfig loopback(Optional<ApiConfig.Tls> tls, java.time.Duration grace) {
        return new ApiConfig("127.0.0.1", 0, Optional.empty(), tls, grace);
    }
}
