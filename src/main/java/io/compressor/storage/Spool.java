package io.compressor.storage;

import java.io.InputStream;

/// Where the inputs of queued jobs wait for a worker: a local folder for one node, or an S3 bucket that
/// every node reads. A job is accepted (202) only once its input is written here whole.
public interface Spool {
    /// Writes the input under `key`, streaming, and returns the key.
    String write(String key, InputStream in, long size);

    long size(String key);

    InputStream open(String key);

    void delete(String key);

    /// The keys of what was written (or began to be written and never finished) before `cutoff`, for the sweep of
    /// inputs that no queued job names (`JobService.sweepSpool`).
    java.util.List<String> writtenBefore(java.time.Instant cutoff);
}
