package io.compressor.pipeline;

import io.compressor.vips.Scope;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;

/// How an encoded image looks, judged independently of the encoder under test: libvips shrinks it to
/// 9×8 (red channel) and ImageIO reads that, for a 64-bit difference hash; and the mean colour.
final class Looks {
    private Looks() {}

    static long dHash(byte[] encoded) {
        BufferedImage small = decode(thumbnailPng(encoded, 9, 8, true));
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                hash = (hash << 1) | ((small.getRaster().getSample(x, y, 0) < small.getRaster().getSample(x + 1, y, 0)) ? 1 : 0);
            }
        }
        return hash;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /// Mean sRGB colour of the whole image, each channel 0-255.
    static int[] meanColour(byte[] encoded) {
        BufferedImage image = decode(thumbnailPng(encoded, 16, 16, false));
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

    private static byte[] thumbnailPng(byte[] encoded, int w, int h, boolean grey) {
        try (Scope scope = Fixtures.VIPS.scope()) {
            // a linear (box-like) kernel: lanczos would ring at sharp edges and make hash bits unstable
            var loaded = scope.image("thumbnail_buffer", Map.of("buffer", encoded, "width", 4 * w, "height", 4 * h,
                    "size", "force"));
            var t = loaded.apply("resize", Map.of("scale", (double) w / loaded.width(), "vscale", (double) h / loaded.height(),
                    "kernel", "linear"));
            if (t.bands() == 2 || t.bands() == 4) {
                t = t.apply("flatten", Map.of("background", new double[] {255, 255, 255}));
            }
            // the red channel carries the picture's left-to-right rise best (see Fixtures.reference)
            t = grey ? t.apply("extract_band", Map.of("band", 0)) : t;
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
