package io.compressor.job;

import io.compressor.account.ConnectorService;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.storage.Spool;
import io.compressor.storage.TempHosting;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Requests from accepted to done. Synchronously: recorded as a job, processed under a permit, and
/// recorded again with the outcome. Asynchronously (a webhook, or a large input): the input is spooled,
/// the job enqueued and answered 202 at once, and a worker takes it from there.
public final class JobService {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private final JobStore store;
    private final JobRunner runner;
    private final Permits permits;
    private final Spool spool;
    private final JobEvents events = new JobEvents();
    private final long asyncThreshold;
    private final Clock clock;
    private Runnable wakeWorkers = () -> { };
    private WebhookSender webhooks;
    private JobSignals signals = JobSignals.LOCAL;

    public JobService(JobStore store, Pipeline pipeline, TempHosting hosting, Permits permits,
            ConnectorService connectors, Spool spool, long asyncThreshold, Clock clock) {
        this.store = store;
        this.runner = new JobRunner(pipeline, hosting, permits, connectors, clock);
        this.permits = permits;
        this.spool = spool;
        this.asyncThreshold = asyncThreshold;
        this.clock = clock;
    }

    /// A client's `Idempotency-Key` and the hash of the request it came with.
    public record Idempotency(String key, String requestHash) {}

    /// `submit`, unless the same key came with the same request in the last 24 hours: then the first job
    /// is returned as it stands now. The same key with another request is refused.
    public Job submitOnce(Optional<Idempotency> idempotency, String accountId, String source, Supplier<Input> obtain,
            ProcessOptions options, Optional<StoreRequest> storeRequest, Optional<String> webhookUrl, String optionsJson,
            URI publicBase) {
        if (idempotency.isEmpty()) {
            return submit(accountId, source, obtain, options, storeRequest, webhookUrl, optionsJson, publicBase);
        }
        Idempotency i = idempotency.get();
        Optional<String[]> earlier = store.idempotent(accountId, i.key(), clock.instant().minus(Duration.ofHours(24)));
        if (earlier.isPresent()) {
            if (!earlier.get()[1].equals(i.requestHash())) {
                throw new ServiceException(ErrorCode.INVALID_OPTION, "Idempotency-Key: \"" + i.key() + "\" was used"
                        + " in the last 24 hours with a different request; use a new key for a new request.");
            }
            return find(accountId, earlier.get()[0]);
        }
        Job job = submit(accountId, source, obtain, options, storeRequest, webhookUrl, optionsJson, publicBase);
        if (!store.remember(accountId, i.key(), i.requestHash(), job.id(), clock.instant())) {
            String first = store.idempotent(accountId, i.key(), clock.instant().minus(Duration.ofHours(24)))
                    .map(e -> e[0]).orElse(job.id());
            return find(accountId, first);
        }
        return job;
    }

    /// Refuses with `busy` before a request's body is read when it would be processed now (an input of at most the
    /// async threshold; `declaredSize` negative when unknown) and every permit and place in the queue is taken: a burst
    /// is answered 429 without holding dozens of uploads in memory first.
    public void refuseIfBusy(long declaredSize) {
        if (declaredSize <= asyncThreshold) {
            permits.refuseIfFull();
        }
    }

    /// Processes now, or enqueues when a webhook is given or the input is over the threshold.
    public Job submit(String accountId, String source, Supplier<Input> obtain, ProcessOptions options,
            Optional<StoreRequest> storeRequest, Optional<String> webhookUrl, String optionsJson, URI publicBase) {
        Job job = new Job(UUID.randomUUID().toString(), accountId, JobStatus.PROCESSING, source, optionsJson,
                null, null, null, null, null, null, clock.instant(), null);
        store.insert(job);
        Optional<StoreTarget> target;
        Input input;
        try {
            target = runner.target(accountId, storeRequest);
            input = obtain.get();
        } catch (ServiceException e) {
            store.update(job.failed(null, e.code(), e.getMessage(), clock.instant()));
            throw e;
        }
        if (webhookUrl.isPresent() || input.size() > asyncThreshold) {
            return enqueue(job, input, options, storeRequest, webhookUrl, publicBase);
        }
        try {
            Job done = runner.run(job, input, options, target, publicBase);
            store.update(done);
            return done;
        } catch (JobRunner.Failed failure) {
            store.update(runner.failed(job, failure));
            throw failure.cause;
        }
    }

    private Job enqueue(Job job, Input input, ProcessOptions options, Optional<StoreRequest> storeRequest,
            Optional<String> webhookUrl, URI publicBase) {
        Job queued = new Job(job.id(), job.accountId(), JobStatus.ENQUEUED, job.source(), job.options(),
                new FileFacts(io.compressor.storage.Names.sanitize(input.name()), "image", null, null, input.size(), null, 0, 0),
                null, null, null, null, null, job.createdAt(), null);
        String key;
        try (var stream = input.stream()) {
            key = spool.write(job.id(), stream, input.size());
        } catch (java.io.IOException | RuntimeException e) {
            throw notQueued(job, queued.input(), e);
        }
        try {
            store.enqueue(queued, new Queued(QueuedRequest.write(options, storeRequest), webhookUrl.orElse(null),
                    publicBase.toString(), key));
        } catch (RuntimeException e) {
            try {
                spool.delete(key); // no worker will ever read it
            } catch (RuntimeException left) {
                e.addSuppressed(left);
            }
            throw notQueued(job, queued.input(), e);
        }
        wakeWorkers.run();
        try {
            signals.enqueued(); // the other nodes' idle workers; they look once a second anyway
        } catch (RuntimeException e) {
            log.warn("Could not tell the other nodes of queued job {}; their workers find it within a second", job.id(), e);
        }
        return queued;
    }

    /// A job whose input could not be queued ends failed, if the database still takes it (else it stays as it was:
    /// processing, with no lease, which no worker claims); the cause goes on to the client (`internal` unless it is
    /// a `ServiceException`, whose code and message the job keeps too).
    private RuntimeException notQueued(Job job, FileFacts input, Exception cause) {
        RuntimeException failure = cause instanceof RuntimeException r ? r : new java.io.UncheckedIOException(
                "cannot spool the input of job " + job.id(), (java.io.IOException) cause);
        try {
            store.update(cause instanceof ServiceException known
                    ? job.failed(input, known.code(), known.getMessage(), clock.instant())
                    : job.failed(input, ErrorCode.INTERNAL.code(), "The input could not be queued; send it again.",
                            clock.instant()));
        } catch (RuntimeException unrecorded) {
            failure.addSuppressed(unrecorded);
        }
        return failure;
    }

    /// Runs one claimed job; a failure that may pass goes back to the queue while attempts remain.
    void runClaimed(Claimed claimed, int maxAttempts) {
        Job job = claimed.job();
        QueuedRequest request = QueuedRequest.read(claimed.queued().request());
        String key = claimed.queued().spoolKey();
        Input input = new Input(job.source(), job.input() == null ? "image" : job.input().name(), spool.size(key),
                spool.open(key));
        Job processing = new Job(job.id(), job.accountId(), JobStatus.PROCESSING, job.source(), job.options(), null, null,
                null, null, null, null, job.createdAt(), null);
        try {
            Job done = runner.run(processing, input, request.options(), runner.target(job.accountId(),
                    request.storeRequest()), URI.create(claimed.queued().publicBase()));
            store.update(done);
            finish(job.id(), key, claimed.queued().webhookUrl());
        } catch (JobRunner.Failed failure) {
            boolean mayPass = failure.cause instanceof ServiceException s
                    ? s.errorCode() == ErrorCode.STORAGE_FAILED || s.errorCode() == ErrorCode.INTERNAL : true;
            if (mayPass && claimed.attempts() < maxAttempts) {
                store.release(job.id());
                return;
            }
            store.update(runner.failed(processing, failure));
            finish(job.id(), key, claimed.queued().webhookUrl());
        } catch (ServiceException e) {
            store.update(processing.failed(null, e.code(), e.getMessage(), clock.instant()));
            finish(job.id(), key, claimed.queued().webhookUrl());
        }
    }

    private void finish(String jobId, String spoolKey, String webhookUrl) {
        spool.delete(spoolKey);
        events.ended(jobId);
        signals.ended(jobId);
        if (webhookUrl != null && webhooks != null) {
            webhooks.schedule(jobId, webhookUrl);
        }
    }

    /// Carries job ends and queued jobs between nodes: every end it reports wakes this node's long polls, every
    /// queued job this node's idle workers.
    public void signalWith(JobSignals jobSignals) {
        this.signals = jobSignals;
        jobSignals.listen(events::ended, () -> wakeWorkers.run());
    }

    /// Where ended queued jobs report to.
    public void deliverWith(WebhookSender sender) {
        this.webhooks = sender;
    }

    JobStore store() {
        return store;
    }

    /// Jobs whose last allowed attempt died with its node become failed, and end as every queued job does: their
    /// input leaves the spool and their webhook is scheduled. When two nodes see the same one, one of them ends it.
    void failExhausted(int maxAttempts) {
        Instant now = clock.instant();
        for (Claimed exhausted : store.exhausted(now, maxAttempts)) {
            Job job = exhausted.job();
            Job failed = job.failed(job.input(), ErrorCode.INTERNAL.code(), "The job was attempted " + maxAttempts
                    + " times and each attempt ended with its server; submit it again.", now);
            if (store.endExhausted(failed, now, maxAttempts)) {
                finish(job.id(), exhausted.queued().spoolKey(), exhausted.queued().webhookUrl());
            }
        }
    }

    /// Inputs a node left in the spool when it ended between writing one and queueing its job (or while writing it):
    /// written before `grace` ago, and named by no job waiting in the queue or running from it. Returns how many
    /// were deleted. Runs with the other sweeps, on every node; two nodes deleting one input is harmless.
    public int sweepSpool(java.time.Duration grace) {
        int removed = 0;
        for (String key : spool.writtenBefore(clock.instant().minus(grace))) {
            if (!store.spoolInUse(key)) {
                spool.delete(key);
                removed++;
            }
        }
        return removed;
    }

    /// Jobs a node began over `grace` ago and never queued nor finished, because it ended first, become failed with
    /// `internal`, so that their clients' polls end. Returns how many. No synchronous job runs for an hour.
    public int failAbandoned(java.time.Duration grace) {
        Instant before = clock.instant().minus(grace);
        int ended = 0;
        for (Job job : store.abandoned(before)) {
            Job failed = job.failed(job.input(), ErrorCode.INTERNAL.code(), "The server that took this job ended before it"
                    + " finished; submit it again.", clock.instant());
            if (store.endAbandoned(failed, before)) {
                ended++;
            }
        }
        return ended;
    }

    void onEnqueue(Runnable wake) {
        this.wakeWorkers = wake;
    }

    /// A job of this account, or `job_not_found` (also for another account's id, so ids reveal nothing).
    public Job find(String accountId, String jobId) {
        return store.find(jobId).filter(j -> j.accountId().equals(accountId)).orElseThrow(() -> new ServiceException(
                ErrorCode.JOB_NOT_FOUND, "No job with id \"" + jobId + "\" in this account."));
    }

    /// The job, after waiting up to `wait` for it to end (long polling, woken the moment it does).
    /// The attempts made of a job's webhook, oldest first; the job must be the account's.
    public java.util.List<WebhookAttempt> webhookAttempts(String accountId, String jobId) {
        find(accountId, jobId);
        return store.webhookAttempts(jobId);
    }

    public Job await(String accountId, String jobId, Duration wait) {
        Job job = find(accountId, jobId);
        if (ended(job) || wait.isZero()) {
            return job;
        }
        var watch = events.watch(jobId);
        job = find(accountId, jobId);
        if (!ended(job)) {
            events.await(watch, wait);
            events.forget(jobId, watch);
            job = find(accountId, jobId);
        }
        return job;
    }

    private static boolean ended(Job job) {
        return job.status() == JobStatus.COMPLETED || job.status() == JobStatus.FAILED;
    }

    /// The account's latest jobs, newest first, only those of `status` when given.
    public List<Job> recent(String accountId, Optional<JobStatus> status, int limit) {
        return store.recent(accountId, status, limit);
    }

    /// Requests and bytes of each of the last `days` days (UTC), oldest first, today included.
    public List<DailyUsage> daily(String accountId, int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<DailyUsage> result = new ArrayList<>();
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            Usage usage = store.usage(accountId, day.toString(), day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            result.add(new DailyUsage(day, usage.requests(), usage.bytesSaved()));
        }
        return result;
    }

    /// This calendar month's usage (UTC).
    public Usage usage(String accountId) {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return store.usage(accountId, month.toString(), from, to);
    }
}
