package io.compressor.job;

import java.time.Instant;
import java.util.Optional;

/// Persistence of jobs; `db` implements it.
public interface JobStore {
    void insert(Job job);

    /// Writes the job's status, facts, result and error over the stored row.
    void update(Job job);

    Optional<Job> find(String id);

    /// Counters over the account's completed jobs created in [from, to).
    Usage usage(String accountId, String month, Instant from, Instant to);
}
