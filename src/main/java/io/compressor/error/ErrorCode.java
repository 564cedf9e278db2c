package io.compressor.error;

/// The stable error codes of API.md, each with the HTTP status it is answered with.
/// The code is part of the wire contract: clients switch on it, so names never change.
public enum ErrorCode {
    UNAUTHORIZED(401),
    INVALID_JSON(400),
    INVALID_OPTION(400),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONNECTOR_NOT_FOUND(404),
    JOB_NOT_FOUND(404),
    SOURCE_BLOCKED(403),
    SOURCE_UNREACHABLE(502),
    SOURCE_STATUS(502),
    SOURCE_TIMEOUT(504),
    FILE_TOO_LARGE(413),
    IMAGE_TOO_LARGE(422),
    UNSUPPORTED_FORMAT(422),
    CORRUPT_IMAGE(422),
    PROCESSING_TIMEOUT(422),
    STORAGE_DENIED(502),
    STORAGE_NOT_FOUND(502),
    STORAGE_FAILED(502),
    RATE_LIMITED(429),
    BUSY(429),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /// True for a failure of the source a client named (`/1.0/fetch`): a 5xx, but the client's to fix, not the operator's.
    public boolean ofTheSource() {
        return this == SOURCE_UNREACHABLE || this == SOURCE_STATUS || this == SOURCE_TIMEOUT;
    }

    /// True for a failure of the client's own cloud bucket or credentials (`store`): a 5xx, but the client's to fix.
    public boolean ofTheBucket() {
        return this == STORAGE_DENIED || this == STORAGE_NOT_FOUND || this == STORAGE_FAILED;
    }

    /// True for our own faults, which the operator must see with their stack trace; everything else a client causes.
    public boolean ours() {
        return this == INTERNAL;
    }

    /// The wire form: `invalid_option`, `source_blocked`, ...
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
