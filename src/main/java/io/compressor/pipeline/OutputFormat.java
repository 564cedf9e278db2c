package io.compressor.pipeline;

import java.util.Optional;

/// What the client asked the output to be: a fixed format, the input's family (`auto`) or the
/// smallest of the web formats (`smallest`).
public enum OutputFormat {
    AUTO, JPEG, PNG, WEBP, AVIF, GIF, SMALLEST;

    /// The fixed format, or empty for `auto` and `smallest`, which depend on the image.
    public Optional<ImageFormat> fixed() {
        return switch (this) {
            case AUTO, SMALLEST -> Optional.empty();
            default -> Optional.of(ImageFormat.valueOf(name()));
        };
    }
}
