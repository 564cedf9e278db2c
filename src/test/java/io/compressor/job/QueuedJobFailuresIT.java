package io.compressor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.account.AccountService;
import io.compressor.account.ConnectorService;
import io.compressor.account.SecretBox;
import io.compressor.db.Database;
import io.compressor.db.SqlAccountStore;
import io.compressor.db.SqlConnectorStore;
import io.compressor.db.SqlJobStore;
import io.compressor.fetch.FetchConfig;
import io.compressor.fetch.Fetcher;
import io.compressor.pipeline.Compression;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Limits;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.storage.LocalSpool;
import io.compressor.storage.TempHosting;
import io.compressor.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// Queued jobs that cannot go on, on each database: one whose every attempt died with its node ends as every queued
/// job does (failed, its input gone from the spool, its webhook scheduled once, however many nodes notice it); one
/// the database refuses to queue leaves nothing in the spool and ends failed.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class QueuedJobFailuresIT {
    @Parameter
    String engine;

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void aJobWhoseLastAttemptDiedWithItsNodeIsFailedItsInputDeletedAndItsWebhookScheduledOnce() throws Exception {
        try (Database database = open()) {
            SqlJobStore store = new SqlJobStore(database);
            AccountService accounts = accounts(database);
            JobService jobs = jobs(database);
            jobs.deliverWith(new WebhookSender(store, accounts, new Fetcher(new FetchConfig(Set.of(), List.of(), 1 << 20,
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 0, dir.resolve("tmp"))), Duration.ofMinutes(2), 6, clock));
            String account = accounts.create("Queue", null).id();
            Job queued = submitWithWebhook(jobs, account);
            assertThat(queued.status()).isEqualTo(JobStatus.ENQUEUED);
            assertThat(spooled()).hasSize(1);

            // three nodes claim it in turn and each dies: its lease runs out every time
            Instant past = clock.instant().minusSeconds(60);
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(store.claim("node-" + attempt, clock.instant(), past, 3)).isPresent();
            }
            jobs.failExhausted(3);
            jobs.failExhausted(3); // another node notices the same job

            Job failed = store.find(queued.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.errorMessage()).contains("attempted 3 times");
            assertThat(spooled()).as("the input left the spool").isEmpty();
            assertThat(store.dueDeliveries(clock.instant().plusSeconds(1), 10)).as("one webhook, scheduled once")
                    .singleElement().satisfies(d -> {
                        assertThat(d.jobId()).isEqualTo(queued.id());
                        assertThat(d.url()).isEqualTo("https://hooks.example.com/done");
                    });
        }
    }

    @Test
    void aJobTheDatabaseRefusesToQueueLeavesNothingInTheSpoolAndEndsFailed() throws Exception {
        try (Database database = open()) {
            String account = accounts(database).create("Queue", null).id();
            JobService jobs = jobs(database);
            refuseQueueing(database);
            assertThatThrownBy(() -> submitWithWebhook(jobs, account)).hasMessageContaining("refused");
            assertThat(spooled()).as("nothing left in the spool").isEmpty();
            assertThat(new SqlJobStore(database).recent(account, Optional.empty(), 10)).singleElement().satisfies(job -> {
                assertThat(job.status()).isEqualTo(JobStatus.FAILED);
                assertThat(job.errorCode()).isEqualTo("internal");
                assertThat(job.errorMessage()).isEqualTo("The input could not be queued; send it again.");
            });
        }
    }

    @Test
    void inputsANodeLeftInTheSpoolAreSweptOnceOldWhileAQueuedJobsInputStays() throws Exception {
        try (Database database = open()) {
            String account = accounts(database).create("Queue", null).id();
            JobService jobs = jobs(database);
            Job queued = submitWithWebhook(jobs, account);
            Path spool = dir.resolve("spool");
            // a node that died after writing an input and before queueing its job, and one that died while writing
            new LocalSpool(spool).write("job-never-queued", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
            Files.writeString(spool.resolve(".spool-123.tmp"), "half an input");
            assertThat(jobs.sweepSpool(Duration.ofHours(1))).as("nothing is an hour old yet").isZero();
            assertThat(spooled()).hasSize(3);

            for (Path file : spooled()) { // two hours pass
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(clock.instant().minus(Duration.ofHours(2))));
            }
            assertThat(jobs.sweepSpool(Duration.ofHours(1))).isEqualTo(2);
            assertThat(spooled()).as("only the queued job's input").singleElement()
                    .satisfies(file -> assertThat(file.getFileName().toString()).isEqualTo(queued.id()));
        }
    }

    @Test
    void jobsANodeBeganAndNeverQueuedNorFinishedFailOnceAnHourOldAndOnlyThey() throws Exception {
        try (Database database = open()) {
            SqlJobStore store = new SqlJobStore(database);
            String account = accounts(database).create("Queue", null).id();
            JobService jobs = jobs(database);
            Instant twoHoursAgo = clock.instant().minus(Duration.ofHours(2));
            Job leftBehind = processing(account, "left-behind", twoHoursAgo); // its node ended while it ran, unqueued
            Job running = processing(account, "running", clock.instant()); // a synchronous job running now
            store.insert(leftBehind);
            store.insert(running);
            Job queued = submitWithWebhook(jobs, account);
            assertThat(store.claim("node-1", clock.instant(), clock.instant().plusSeconds(60), 3)).isPresent(); // leased

            assertThat(jobs.failAbandoned(Duration.ofHours(1))).isEqualTo(1);
            assertThat(jobs.failAbandoned(Duration.ofHours(1))).as("another node, later").isZero();
            Job failed = store.find("left-behind").orElseThrow();
            assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
            assertThat(failed.errorCode()).isEqualTo("internal");
            assertThat(failed.errorMessage()).isEqualTo("The server that took this job ended before it finished; submit it again.");
            assertThat(store.find("running").orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
            assertThat(store.find(queued.id()).orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
        }
    }

    private static Job processing(String account, String id, Instant createdAt) {
        return new Job(id, account, JobStatus.PROCESSING, "upload", "{}", new FileFacts("a.png", "image", null, null, 3, null, 0,
                0), null, null, null, null, null, createdAt, null);
    }

    /// The real database refuses the write that queues a job (the one that records its spool key), as a database
    /// that fails at that moment would.
    private void refuseQueueing(Database database) {
        database.jdbi().useHandle(h -> {
            if (database.sqlite()) {
                h.execute("CREATE TRIGGER refuse_queueing BEFORE UPDATE OF spool_key ON jobs"
                        + " WHEN NEW.spool_key IS NOT NULL BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
            } else {
                h.execute("CREATE FUNCTION refuse_queueing() RETURNS trigger AS $$ BEGIN"
                        + " RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql");
                h.execute("CREATE TRIGGER refuse_queueing BEFORE UPDATE OF spool_key ON jobs FOR EACH ROW"
                        + " WHEN (NEW.spool_key IS NOT NULL) EXECUTE FUNCTION refuse_queueing()");
            }
        });
    }

    private Database open() {
        return Database.open(new io.compressor.db.DbConfig(TestDatabases.fresh(engine, dir), null, null, 4));
    }

    private AccountService accounts(Database database) {
        return new AccountService(new SqlAccountStore(database), new SecretBox(new byte[32]), clock);
    }

    private JobService jobs(Database database) {
        Limits limits = new Limits(1 << 20, 1_000_000);
        return new JobService(new SqlJobStore(database), Pipeline.start(new EngineConfig(io.compressor.testing.TestEngine.libraries(), 0, limits)),
                new TempHosting(dir.resolve("results"), Duration.ofHours(1), clock), new Permits(1, 1),
                new ConnectorService(new SqlConnectorStore(database), new SecretBox(new byte[32]), spec -> null, clock),
                new LocalSpool(dir.resolve("spool")), Long.MAX_VALUE, clock);
    }

    /// A job with a webhook, which goes to the queue.
    private static Job submitWithWebhook(JobService jobs, String account) {
        return jobs.submit(account, "upload", () -> Input.of("upload", "a.png", new byte[] {1, 2, 3}),
                new ProcessOptions(Compression.HIGH, OptionalInt.empty(), OutputFormat.AUTO, Optional.empty(), Set.of()),
                Optional.empty(), Optional.of("https://hooks.example.com/done"), "{}", URI.create("http://127.0.0.1:8080"));
    }

    private List<Path> spooled() throws Exception {
        Path spool = dir.resolve("spool");
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
