package io.compressor.testing;

import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.util.Map;

/// Encoded images decoded to 8-bit sRGB for `Ssimulacra2`, with Debian's libvips (any alpha flattened on mid grey, as
/// the reference tool does).
public final class Pixels {
    private Pixels() {}

    /// `extension` names the format: jpg (or jpeg), png, webp, avif, heic or gif.
    public static Ssimulacra2.Rgb rgb(byte[] encoded, String extension) {
        String loader = switch (extension) {
            case "jpg", "jpeg" -> "jpegload_buffer";
            case "png" -> "pngload_buffer";
            case "webp" -> "webpload_buffer";
            case "avif", "heic" -> "heifload_buffer";
            case "gif" -> "gifload_buffer";
            default -> throw new IllegalArgumentException("no loader for ." + extension);
        };
        Vips vips = Vips.start(new VipsConfig(VipsConfig.DEFAULT_LIBRARY, 0));
        try (Scope scope = vips.scope()) {
            VImage image = scope.image(loader, Map.of("buffer", scope.blob(encoded)))
                    .apply("colourspace", Map.of("space", "srgb"));
            if (image.bands() == 4 || image.bands() == 2) {
                image = image.apply("flatten", Map.of("background", new double[] {128, 128, 128}));
            }
            image = image.apply("cast", Map.of("format", "uchar"));
            return new Ssimulacra2.Rgb(image.width(), image.height(), image.pixels());
        }
    }
}
