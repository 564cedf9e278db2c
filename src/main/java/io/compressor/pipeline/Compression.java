package io.compressor.pipeline;

/// How hard to compress. `docs/compression.md` gives each level's settings per format.
public enum Compression {
    /// Balanced: visually transparent for nearly every image.
    MEDIUM,
    /// The default: more aggressive, still without visible loss at normal viewing.
    HIGH,
    /// Smallest files; fine detail may soften.
    ULTRA,
    /// No pixel changes at all (lossless encoders only).
    LOSSLESS
}
