package io.compressor.pipeline;

import io.compressor.vips.Scope;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import io.compressor.testing.Pixels;
import io.compressor.testing.Ssimulacra2;
import javax.imageio.ImageIO;

/// How an encoded image looks, judged independently of the encoder under test: its SSIMULACRA 2 score against the
/// picture it should show (`Fixtures.expected`, computed in Java, or an SVG as librsvg draws it), decoded with Debian's
/// libvips; and its mean colour.
final class Looks {
    /// An output at least this close to what it should show: the matrix's lossy outputs of the right picture score 53
    /// (WebP) to 100; a flipped, turned, shifted, greyed or blockless picture scores below 0 with no loss at all
    /// (`LooksTest`).
    static final double SAME_PICTURE = 40;

    private Looks() {}

    static double score(byte[] encoded, Ssimulacra2.Rgb expected) {
        ImageFormat format = Sniff.format(encoded).orElseThrow(() -> new AssertionError("not an image"));
        return Ssimulacra2.score(expected, Pixels.rgb(encoded, format.wireName()));
    }

    /// An SVG drawn by Debian's libvips at `scale`.
    static Ssimulacra2.Rgb rendered(byte[] svg, double scale) {
        try (Scope scope = Fixtures.VIPS.scope()) {
            byte[] png = scope.image("svgload_buffer", Map.of("buffer", scope.blob(svg), "scale", scale))
                    .apply("flatten", Map.of("background", new double[] {255, 255, 255}))
                    .apply("cast", Map.of("format", "uchar")).save("pngsave_buffer", Map.of());
            return Pixels.rgb(png, "png");
        }
    }

    /// Mean sRGB colour of the whole image, each channel 0-255.
    static int[] meanColour(byte[] encoded) {
        BufferedImage image = decode(thumbnailPng(encoded, 16, 16));
        long r = 0;
        long g = 0;
        long b = 0;
        int n = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                r += (rgb >> 16) & 255;
                g += (rgb >> 8) & 255;
                b += rgb & 255;
            }
        }
        return new int[] {(int) (r / n), (int) (g / n), (int) (b / n)};
    }

    private static byte[] thumbnailPng(byte[] encoded, int w, int h) {
        try (Scope scope = Fixtures.VIPS.scope()) {
            var loaded = scope.image("thumbnail_buffer", Map.of("buffer", encoded, "width", 4 * w, "height", 4 * h,
                    "size", "force"));
            var t = loaded.apply("resize", Map.of("scale", (double) w / loaded.width(), "vscale", (double) h / loaded.height(),
                    "kernel", "linear"));
            if (t.bands() == 2 || t.bands() == 4) {
                t = t.apply("flatten", Map.of("background", new double[] {255, 255, 255}));
            }
            return t.apply("cast", Map.of("format", "uchar")).save("pngsave_buffer", Map.of("strip", true));
        }
    }

    private static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
