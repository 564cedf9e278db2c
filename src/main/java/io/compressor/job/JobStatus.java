package io.compressor.job;

/// A job's life: `enqueued → processing → completed | failed`.
public enum JobStatus {
    ENQUEUED, PROCESSING, COMPLETED, FAILED
}
