package io.compressor.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The workers of this node: each claims a queued job from the database, runs it, and claims again;
/// they sleep until a job is enqueued here or a second passes (another node may have enqueued). Leases
/// are renewed while a job runs, so only a dead node's jobs come back to the queue.
public final class JobWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);
    private final JobService jobs;
    private final Duration lease;
    private final int workers;
    private final int maxAttempts;
    private final Clock clock;
    private final String owner = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wake = new Semaphore(0);
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("job-leases").factory());
    private volatile boolean claiming = true;

    public JobWorkers(JobService jobs, int workers, int maxAttempts, Duration lease, Clock clock) {
        this.jobs = jobs;
        this.lease = lease;
        this.workers = workers;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        jobs.onEnqueue(() -> wake.release());
    }

    public JobWorkers start() {
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("job-worker-" + i).start(this::loop));
        }
        long every = Math.max(500, lease.toMillis() / 3);
        leases.scheduleWithFixedDelay(this::tend, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void loop() {
        while (claiming) {
            try {
                var claimed = jobs.store().claim(owner, clock.instant(), clock.instant().plus(lease), maxAttempts);
                if (claimed.isEmpty()) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    continue;
                }
                running.put(claimed.get().job().id(), Boolean.TRUE);
                try {
                    jobs.runClaimed(claimed.get(), maxAttempts);
                } finally {
                    running.remove(claimed.get().job().id());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("A worker failed between jobs; it goes on", e);
            }
        }
    }

    /// Renews the leases of running jobs, and fails jobs whose every attempt died with its node.
    private void tend() {
        try {
            running.keySet().forEach(id -> jobs.store().renew(id, owner, clock.instant().plus(lease)));
            jobs.failExhausted(maxAttempts);
        } catch (RuntimeException e) {
            log.warn("Renewing job leases failed; retrying", e);
        }
    }

    /// Stops claiming, lets running jobs finish within `grace`, and puts back those that did not.
    public void stop(Duration grace) {
        claiming = false;
        wake.release(workers);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.keySet().forEach(id -> jobs.store().release(id));
        leases.shutdownNow();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
