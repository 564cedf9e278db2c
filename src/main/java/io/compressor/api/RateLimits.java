package io.compressor.api;

import io.compressor.error.ErrorCode;
import io.compressor.error.RetryLaterException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/// A token bucket per account: `perMinute` requests a minute on average, bursts up to `perMinute`.
/// Held in this node's memory, so with several nodes each allows that many. Zero turns it off.
final class RateLimits {
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /// Takes one token for the account, or refuses with `rate_limited` and when to retry.
    void take(String accountId) {
        if (perMinute <= 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(accountId, id -> new Bucket(perMinute, clock.millis()));
        long waitMillis = bucket.take(perMinute, clock.millis());
        if (waitMillis > 0) {
            throw new RetryLaterException(ErrorCode.RATE_LIMITED, "This account may make " + perMinute
                    + " requests a minute; retry after the time in the Retry-After header.",
                    Duration.ofMillis(waitMillis).plusSeconds(1).withNanos(0));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        /// 0 when a token was taken, else the milliseconds until one is there.
        synchronized long take(int perMinute, long now) {
            tokens = Math.min(perMinute, tokens + (now - updated) * perMinute / 60_000.0);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 60_000.0 / perMinute);
        }
    }
}
