package io.compressor.job;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// Wakes long polls (`GET /1.0/jobs/{id}?wait=N`) the moment their job ends on this node.
final class JobEvents {
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /// Starts watching a job; register before reading its state, so an end in between is not missed.
    CompletableFuture<Void> watch(String jobId) {
        return waiting.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    }

    void await(CompletableFuture<Void> watch, Duration timeout) {
        try {
            watch.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the caller reads the job again either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /// Drops a watch that timed out, unless others share it still (they hold it and will be woken anyway).
    void forget(String jobId, CompletableFuture<Void> watch) {
        waiting.remove(jobId, watch);
    }

    void ended(String jobId) {
        CompletableFuture<Void> done = waiting.remove(jobId);
        if (done != null) {
            done.complete(null);
        }
    }
}
