package io.compressor.app;

import io.compressor.account.AccountService;
import io.compressor.account.ApiKeyService;
import io.compressor.account.HashingLimit;
import io.compressor.account.SignInService;
import io.compressor.db.SqlSignInStore;
import io.compressor.api.HttpServer;
import io.compressor.db.Database;
import io.compressor.db.SqlAccountStore;
import io.compressor.db.SqlApiKeyStore;
import io.compressor.db.SqlJobStore;
import io.compressor.db.SqlConnectorStore;
import io.compressor.account.ConnectorService;
import io.compressor.account.SecretBox;
import io.compressor.storage.CachedConnectors;
import io.compressor.storage.LocalSpool;
import io.compressor.storage.Spool;
import io.compressor.storage.s3.S3Spool;
import io.compressor.storage.ProviderConnectors;
import io.compressor.storage.azure.AzureConnector;
import io.compressor.storage.s3.S3Connector;
import io.compressor.fetch.Fetcher;
import io.compressor.job.JobService;
import io.compressor.job.JobSignals;
import io.compressor.job.JobWorkers;
import io.compressor.db.PostgresJobSignals;
import io.compressor.job.WebhookSender;
import io.compressor.job.Permits;
import io.compressor.storage.TempHosting;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import io.compressor.pipeline.Pipeline;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;

/// The composition root: builds every service from one `AppConfig`, in dependency order.
/// Nothing else in the code base wires objects together or holds static state.
final class Application implements AutoCloseable {
    private final AppConfig config;
    private final Database database;
    private final AccountService accounts;
    private final ApiKeyService keys;
    private final ConnectorService connectors;
    private final SignInService signIns;
    private final Clock clock = Clock.systemUTC();
    private final TempHosting hosting;
    private final ScheduledExecutorService sweeper;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Pipeline pipeline;
    private JobService jobs;
    private Permits permits;
    private JobWorkers workers;
    private WebhookSender webhooks;
    private JobSignals signals;

    private Application(AppConfig config, Database database) {
        this.config = config;
        this.database = database;
        this.hosting = new TempHosting(config.dataDir().resolve("results"), config.jobs().resultTtl(), clock);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("result-sweeper").factory());
        SecretBox box = new SecretBox(masterKey(config, database));
        this.accounts = new AccountService(new SqlAccountStore(database), box, clock);
        this.keys = new ApiKeyService(new SqlApiKeyStore(database), accounts, clock);
        this.signIns = new SignInService(new SqlSignInStore(database), accounts, clock,
                HashingLimit.forThisMachine());
        this.sweeper.scheduleWithFixedDelay(this::sweep, 0, 60, TimeUnit.SECONDS);
        this.connectors = new ConnectorService(new SqlConnectorStore(database), box, new CachedConnectors(new ProviderConnectors(S3Connector::new, AzureConnector::new)), clock);
    }

    static Application open(AppConfig config) {
        return new Application(config, Database.open(config.db()));
    }

    /// The master key, after settling a key rotation that stopped half-way (`KeyRotation`).
    private static byte[] masterKey(AppConfig config, Database database) {
        byte[] key = config.masterKey().resolve(config.dataDir());
        if (config.masterKey().fromEnvironment().isPresent()) {
            return key;
        }
        Clock clock = Clock.systemUTC();
        return KeyRotation.settle(config.dataDir(), key, new ConnectorService(new SqlConnectorStore(database), new SecretBox(key),
                spec -> null, clock), new AccountService(new SqlAccountStore(database), new SecretBox(key), clock));
    }

    /// Every sealed secret under `next`, in one transaction (`compressor connectors rotate-key`).
    KeyRotation.Resealed reseal(SecretBox next) {
        return KeyRotation.reseal(database, connectors, accounts, next);
    }

    /// The first account and its key when this start is the database's first (of however many nodes start together).
    Optional<FirstStart.Welcome> firstStart() {
        return FirstStart.run(database, accounts, keys);
    }

    AccountService accounts() {
        return accounts;
    }

    ApiKeyService keys() {
        return keys;
    }

    SignInService signIns() {
        return signIns;
    }

    ConnectorService connectors() {
        return connectors;
    }

    /// The image engine; libvips is loaded on first use, so commands that need no images never load it.
    synchronized Pipeline pipeline() {
        if (pipeline == null) {
            pipeline = Pipeline.start(config.engine());
        }
        return pipeline;
    }

    /// The job service over the engine; loads libvips on first use.
    synchronized JobService jobs() {
        if (jobs == null) {
            permits = new Permits(config.jobs().permits(), config.jobs().queue());
            Gauge.builder("compressor.processing.admitted", permits, Permits::admitted)
                    .description("Requests processing or waiting for a processing permit").register(metrics);
            jobs = new JobService(new SqlJobStore(database), pipeline(), hosting, permits, connectors,
                    spool(), config.jobs().asyncThreshold(), clock);
            SqlJobStore jobStore = new SqlJobStore(database);
            webhooks = new WebhookSender(jobStore, accounts, new Fetcher(config.fetch()), config.jobs().webhookRetry(), 6,
                    clock).start();
            jobs.deliverWith(webhooks);
            signals = config.db().sqlite() ? JobSignals.LOCAL : new PostgresJobSignals(database, config.db());
            jobs.signalWith(signals);
            workers = new JobWorkers(jobs, config.jobs().permits(), config.jobs().maxAttempts(), config.jobs().lease(), clock)
                    .start();
        }
        return jobs;
    }

    /// The spool of queued inputs: the S3 bucket of COMPRESSOR_SPOOL_URL, or `DATA_DIR/spool`.
    private Spool spool() {
        return config.spool().map(s -> (Spool) new S3Spool(s)).orElseGet(() -> new LocalSpool(config.dataDir().resolve("spool")));
    }

    /// How many times a queued job was claimed, for tests and the operator.
    int jobAttempts(String jobId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT attempts FROM jobs WHERE id = :id").bind("id", jobId)
                .mapTo(Integer.class).one());
    }

    /// Recorded webhook attempts of a job, for tests and the operator.
    java.util.List<io.compressor.job.WebhookAttempt> jobDeliveries(String jobId) {
        return new SqlJobStore(database).webhookAttempts(jobId);
    }

    /// The processing permits behind `jobs()`: tests hold them to see the queue fill.
    synchronized Permits permits() {
        jobs();
        return permits;
    }

    /// How old a spooled input or an unqueued job must be before the sweep takes it for one a node left behind: far
    /// longer than a spool write and the queue insert after it, or a synchronous job, take.
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    /// Spooled inputs no queued job names, and jobs never queued nor finished, that a node left behind.
    private static void sweepLeftBehind(JobService started) {
        int orphans = started.sweepSpool(ABANDONED_AFTER);
        if (orphans > 0) {
            LoggerFactory.getLogger(Application.class).info("Removed {} spooled input(s) no queued job names", orphans);
        }
        int abandoned = started.failAbandoned(ABANDONED_AFTER);
        if (abandoned > 0) {
            LoggerFactory.getLogger(Application.class).info("Failed {} job(s) whose server ended before they were"
                    + " queued or finished", abandoned);
        }
    }

    /// Deletes expired sessions and hosted results, and what `sweepLeftBehind` takes; runs every minute, and a
    /// failure waits for the next run.
    private void sweep() {
        try {
            signIns.sweepSessions();
            int removed = hosting.sweep();
            if (removed > 0) {
                LoggerFactory.getLogger(Application.class).info("Removed {} expired result folder(s)", removed);
            }
            JobService started;
            synchronized (this) {
                started = jobs; // only where jobs run: a command that never starts them has no spool to sweep
            }
            if (started != null) {
                sweepLeftBehind(started);
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Application.class).warn("Sweeping failed (expired results and sessions, inputs and jobs"
                    + " left behind); the next sweep runs in a minute", e);
        }
    }

    /// A new HTTP server over these services, with its own metrics registry and the JVM's figures.
    HttpServer httpServer() {
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        return new HttpServer(config.api(), new HttpServer.Services(accounts, keys, jobs(), connectors, signIns, hosting, new Fetcher(config.fetch()),
                database::ping, metrics, config.engine().limits(), clock));
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.stop(config.api().shutdownGrace());
            webhooks.close();
            signals.close();
        }
        sweeper.shutdownNow();
        database.close();
    }
}
