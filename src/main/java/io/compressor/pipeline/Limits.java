package io.compressor.pipeline;

import java.time.Duration;
import java.util.Objects;

/// What one image may cost: bytes of the file and pixels of all its frames together, both enforced before any
/// decoding; the time its quality search may take (`QualitySearch`: no probe starts after it, the best found
/// so far is kept); and the time all of its processing may take, after which libvips is stopped and the job
/// refused with `processing_timeout`.
public record Limits(long maxInputBytes, long maxInputPixels, Duration searchTime, Duration processingTime) {
    public static final Duration DEFAULT_SEARCH_TIME = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PROCESSING_TIME = Duration.ofSeconds(30);

    public Limits {
        if (maxInputBytes < 1 || maxInputPixels < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(searchTime, "searchTime");
        Objects.requireNonNull(processingTime, "processingTime");
        if (searchTime.isNegative() || !processingTime.isPositive()) {
            throw new IllegalArgumentException("searchTime must not be negative, processingTime must be positive");
        }
    }

    public Limits(long maxInputBytes, long maxInputPixels) {
        this(maxInputBytes, maxInputPixels, DEFAULT_SEARCH_TIME, DEFAULT_PROCESSING_TIME);
    }
}
