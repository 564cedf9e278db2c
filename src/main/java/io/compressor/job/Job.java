package io.compressor.job;

import java.time.Instant;
import java.util.Objects;

/// One request to process an image, as recorded. `input`, `output`, `url` and `expiresAt` are set
/// once known; a failed job has an error code and message instead.
public record Job(String id, String accountId, JobStatus status, String source, String options, FileFacts input,
        FileFacts output, String url, Instant expiresAt, String errorCode, String errorMessage, Instant createdAt,
        Instant finishedAt) {
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Job completed(FileFacts in, FileFacts out, String resultUrl, Instant expires, Instant when) {
        return new Job(id, accountId, JobStatus.COMPLETED, source, options, in, out, resultUrl, expires, null, null,
                createdAt, when);
    }

    public Job failed(FileFacts in, String code, String message, Instant when) {
        return new Job(id, accountId, JobStatus.FAILED, source, options, in, null, null, null, code, message, createdAt, when);
    }
}
