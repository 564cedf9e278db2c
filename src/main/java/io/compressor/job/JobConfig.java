package io.compressor.job;

import java.time.Duration;
import java.util.Objects;

/// How jobs run: how long hosted results live, the processing permits with the queue behind them, the
/// input size over which a request is answered 202 and queued, and how often a queued job is tried.
public record JobConfig(Duration resultTtl, int permits, int queue, long asyncThreshold, int maxAttempts,
        Duration webhookRetry, Duration lease) {
    public JobConfig {
        Objects.requireNonNull(resultTtl, "resultTtl");
        if (permits < 1 || queue < 0) {
            throw new IllegalArgumentException("permits must be at least 1 and the queue 0 or more");
        }
    }
}
