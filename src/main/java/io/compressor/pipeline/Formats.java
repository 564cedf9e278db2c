package io.compressor.pipeline;

import java.util.List;

/// Which output formats to try for an image: one, or several for `smallest`.
final class Formats {
    private Formats() {}

    static List<ImageFormat> candidates(OutputFormat requested, ImageInfo input) {
        return switch (requested) {
            case AUTO -> List.of(input.format().web() ? input.format() : base(input));
            case SMALLEST -> input.animated()
                    ? (input.format() == ImageFormat.GIF ? List.of(ImageFormat.GIF, ImageFormat.WEBP) : List.of(ImageFormat.WEBP))
                    : List.of(base(input), ImageFormat.WEBP, ImageFormat.AVIF);
            default -> List.of(requested.fixed().orElseThrow());
        };
    }

    /// JPEG, or PNG when there is transparency to keep.
    private static ImageFormat base(ImageInfo input) {
        return input.alpha() ? ImageFormat.PNG : ImageFormat.JPEG;
    }

    static boolean hasAlpha(ImageFormat format) {
        return format != ImageFormat.JPEG;
    }
}
