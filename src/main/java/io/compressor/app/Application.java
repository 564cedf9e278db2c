package io.compressor.app;

import io.compressor.account.AccountService;
import io.compressor.account.ApiKeyService;
import io.compressor.api.HttpServer;
import io.compressor.db.Database;
import io.compressor.db.SqlAccountStore;
import io.compressor.db.SqlApiKeyStore;
import io.compressor.pipeline.Pipeline;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/// The composition root: builds every service from one `AppConfig`, in dependency order.
/// Nothing else in the code base wires objects together or holds static state.
final class Application implements AutoCloseable {
    private final AppConfig config;
    private final Database database;
    private final AccountService accounts;
    private final ApiKeyService keys;
    private Pipeline pipeline;

    private Application(AppConfig config, Database database) {
        this.config = config;
        this.database = database;
        Clock clock = Clock.systemUTC();
        this.accounts = new AccountService(new SqlAccountStore(database), clock);
        this.keys = new ApiKeyService(new SqlApiKeyStore(database), accounts, clock);
    }

    static Application open(AppConfig config) {
        return new Application(config, Database.open(config.db()));
    }

    AccountService accounts() {
        return accounts;
    }

    ApiKeyService keys() {
        return keys;
    }

    /// The image engine; libvips is loaded on first use, so commands that need no images never load it.
    synchronized Pipeline pipeline() {
        if (pipeline == null) {
            pipeline = Pipeline.start(config.engine());
        }
        return pipeline;
    }

    /// A new HTTP server over these services, with its own metrics registry and the JVM's figures.
    HttpServer httpServer() {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        return new HttpServer(config.api(), new HttpServer.Services(accounts, keys, database::ping, metrics, config.engine().limits()));
    }

    @Override
    public void close() {
        database.close();
    }
}
