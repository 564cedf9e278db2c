package io.compressor.job;

import java.time.Instant;
import java.util.Optional;

/// Persistence of jobs; `db` implements it.
public interface JobStore {
    void insert(Job job);

    /// Writes the job's status, facts, result and error over the stored row.
    void update(Job job);

    Optional<Job> find(String id);

    /// Turns a recorded job into one that waits in the queue.
    void enqueue(Job job, Queued queued);

    /// Jobs a node began before `before` and neither queued nor finished (it ended while running one synchronously, or
    /// between spooling one's input and queueing it): processing, never leased.
    java.util.List<Job> abandoned(Instant before);

    /// Ends an abandoned job as `failed`, unless it is no longer abandoned; true when this call ended it.
    boolean endAbandoned(Job failed, Instant before);

    /// Whether a job waiting in the queue or running from it names `spoolKey` as its input.
    boolean spoolInUse(String spoolKey);

    /// Takes the oldest claimable job (enqueued, or processing under an expired lease) with fewer than
    /// `maxAttempts` claims, for `owner` until `leaseUntil`; empty when there is none.
    Optional<Claimed> claim(String owner, Instant now, Instant leaseUntil, int maxAttempts);

    /// Extends the lease of a job this owner still holds.
    void renew(String id, String owner, Instant leaseUntil);

    /// Puts a claimed job back in the queue (its worker stops, or the failure may pass).
    void release(String id);

    /// Processing jobs whose lease expired after their last allowed attempt, with their queue entries: they are failed
    /// by the caller (`endExhausted`).
    java.util.List<Claimed> exhausted(Instant now, int maxAttempts);

    /// Records `failed` for a job that is still exhausted; false when another node got there first.
    boolean endExhausted(Job failed, Instant now, int maxAttempts);

    /// Schedules a webhook delivery attempt; returns its id.
    String addDelivery(String jobId, String url, int attempt, Instant due);

    /// Takes a due attempt for this node; false when another node took it first.
    boolean claimDelivery(String id, Instant now);

    /// Drops a scheduled attempt that is no longer needed.
    void cancelDelivery(String id);

    /// Attempts due now, oldest first.
    java.util.List<Delivery> dueDeliveries(Instant now, int limit);

    /// Records how an attempt went.
    void recordDelivery(String id, Integer statusCode, String error, boolean delivered, Instant attemptedAt);

    /// Every attempt made of a job's webhook (not those still scheduled), oldest first.
    java.util.List<WebhookAttempt> webhookAttempts(String jobId);

    /// The job an idempotency key names, with the hash of its request, if recorded after `since`.
    Optional<String[]> idempotent(String accountId, String key, Instant since);

    /// Records a key for a job; false when another request took the key first.
    boolean remember(String accountId, String key, String requestHash, String jobId, Instant at);

    /// The account's latest jobs, newest first; only those of `status` when it is given.
    java.util.List<Job> recent(String accountId, Optional<JobStatus> status, int limit);

    /// Counters over the account's completed jobs created in [from, to).
    Usage usage(String accountId, String month, Instant from, Instant to);
}
