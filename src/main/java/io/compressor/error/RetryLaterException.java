package io.compressor.error;

import java.time.Duration;

/// A refusal that will pass: `busy` or `rate_limited`, answered with `Retry-After`.
public final class RetryLaterException extends ServiceException {
    private final Duration retryAfter;

    public RetryLaterException(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
