package io.compressor.pipeline;

/// How a source of W×H meets a box of w×h; see API.md.
public enum ResizeMode {
    /// Keep the aspect ratio, stay inside the box.
    AUTO,
    /// Cover the box, then crop the overflow at the gravity: exactly w×h.
    FIT,
    /// Scale inside the box, then pad to exactly w×h with the background.
    FILL,
    /// Stretch to exactly w×h.
    EXACT,
    /// Cut a w×h region at the gravity, without scaling.
    CROP
}
