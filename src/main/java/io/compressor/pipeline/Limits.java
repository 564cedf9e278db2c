package io.compressor.pipeline;

/// Input limits enforced before any decoding: bytes of the file, and pixels of all its frames together.
public record Limits(long maxInputBytes, long maxInputPixels) {
    public Limits {
        if (maxInputBytes < 1 || maxInputPixels < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
