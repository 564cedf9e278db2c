package io.compressor.pipeline;

import java.time.Duration;
import java.util.Objects;

/// What one image may cost: bytes of the file and pixels of all its frames together, both enforced before any
/// decoding, and the time its quality search may take (`QualitySearch`: no probe starts after it, the best found
/// so far is kept).
public record Limits(long maxInputBytes, long maxInputPixels, Duration searchTime) {
    public static final Duration DEFAULT_SEARCH_TIME = Duration.ofSeconds(10);

    public Limits {
        if (maxInputBytes < 1 || maxInputPixels < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(searchTime, "searchTime");
        if (searchTime.isNegative()) {
            throw new IllegalArgumentException("searchTime must not be negative");
        }
    }

    public Limits(long maxInputBytes, long maxInputPixels) {
        this(maxInputBytes, maxInputPixels, DEFAULT_SEARCH_TIME);
    }
}
