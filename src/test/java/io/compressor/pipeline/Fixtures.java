package io.compressor.pipeline;

import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/// Test images made on the spot with libvips: a reference picture (a gradient with a white block in
/// its top-left third, so that any flip or turn shows) in every input format, plus the awkward cases.
final class Fixtures {
    /// Debian's libvips, which makes the fixtures (it writes every input format).
    static final Vips VIPS = Vips.start(new VipsConfig(VipsConfig.DEFAULT_LIBRARY, 0));
    /// The builds the engine under test runs on (`TestEngine`).
    static final java.util.List<Vips> ENGINE = io.compressor.testing.TestEngine.builds();
    static final int W = 240;
    static final int H = 160;

    private Fixtures() {}

    /// libvips' tracked memory over every build of the engine.
    static long engineMemory() {
        return ENGINE.stream().mapToLong(vips -> vips.stats().trackedMemory()).sum();
    }

    /// The reference picture's pixel at (x, y), sRGB packed as 0xRRGGBB, drawn by plain Java so that what a test expects
    /// does not come from the library under test: red and blue rise left to right, green top to bottom, and each corner
    /// differs (a light block top left, a dark blue block bottom right, a thin red bar down the right third), so that a
    /// flip, a turn, a wrong crop or a lost block moves whole regions.
    static int pixel(int x, int y) {
        if (x < W / 3 && y < H / 3) {
            return rgb(50 + x * 180 / W, 210, 170 + y * 80 / H);
        }
        if (x >= W * 3 / 4 && y >= H * 3 / 4) {
            return rgb(20, 30, 120);
        }
        if (x >= W * 2 / 3 && x < W * 2 / 3 + 8) {
            return rgb(200, 20, 20);
        }
        int ramp = 10 + 230 * x / W;
        return rgb(ramp, 40 + 150 * y / H, 240 - ramp);
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    /// The reference picture as it should look at `width`×`height` (W and H divided by whole numbers): each pixel the
    /// mean of the block it covers, computed here, not by libvips.
    static io.compressor.testing.Ssimulacra2.Rgb expected(int width, int height) {
        int fx = W / width;
        int fy = H / height;
        if (fx * width != W || fy * height != H) {
            throw new IllegalArgumentException(width + "x" + height + " does not divide " + W + "x" + H);
        }
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] sum = new int[3];
                for (int dy = 0; dy < fy; dy++) {
                    for (int dx = 0; dx < fx; dx++) {
                        int p = pixel(x * fx + dx, y * fy + dy);
                        sum[0] += p >> 16 & 255;
                        sum[1] += p >> 8 & 255;
                        sum[2] += p & 255;
                    }
                }
                for (int c = 0; c < 3; c++) {
                    pixels[(y * width + x) * 3 + c] = (byte) Math.round(sum[c] / (double) (fx * fy));
                }
            }
        }
        return new io.compressor.testing.Ssimulacra2.Rgb(width, height, pixels);
    }

    /// The reference picture in libvips, W×H sRGB, optionally with an alpha channel: the pixels of `pixel`, handed over as
    /// a PNG the JDK wrote.
    static VImage reference(Scope scope, boolean alpha) {
        java.awt.image.BufferedImage drawn = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                drawn.setRGB(x, y, pixel(x, y));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(drawn, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        VImage picture = scope.image("pngload_buffer", Map.of("buffer", scope.blob(png.toByteArray())))
                .apply("copy", Map.of("interpretation", "srgb"));
        return alpha ? picture.apply("bandjoin_const", Map.of("c", new double[] {180})) : picture;
    }

    static byte[] encode(ImageFormat format, boolean alpha) {
        try (Scope scope = VIPS.scope()) {
            VImage image = reference(scope, alpha);
            return switch (format) {
                case JPEG -> image.save("jpegsave_buffer", Map.of("Q", 92));
                case PNG -> image.save("pngsave_buffer", Map.of());
                case WEBP -> image.save("webpsave_buffer", Map.of("Q", 92));
                case AVIF -> image.save("heifsave_buffer", Map.of("compression", "av1", "Q", 80, "effort", 0));
                case HEIC -> image.save("heifsave_buffer", Map.of("compression", "hevc", "Q", 80));
                case GIF -> image.save("gifsave_buffer", Map.of());
                case TIFF -> image.save("tiffsave_buffer", Map.of());
                case BMP -> bmp(image.save("pngsave_buffer", Map.of()));
                case ICO -> ico(image.save("pngsave_buffer", Map.of()));
                case SVG -> svg();
            };
        }
    }

    /// BMP written by the JDK's own encoder, from a PNG of the picture.
    static byte[] bmp(byte[] png) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(image.getWidth(), image.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(rgb, "bmp", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /// An ICO holding one PNG image, the form Windows Vista introduced.
    static byte[] ico(byte[] png) {
        ByteBuffer header = ByteBuffer.allocate(22).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .put((byte) W).put((byte) H).put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                .putInt(png.length).putInt(22);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(png);
        return out.toByteArray();
    }

    /// The reference picture drawn as SVG, as near as gradients allow: red and blue rise left to right, then a
    /// translucent green rises top to bottom; the same blocks and bar, with flat colours.
    static byte[] svg() {
        return ("<svg xmlns='http://www.w3.org/2000/svg' width='" + W + "' height='" + H + "'>"
                + "<defs><linearGradient id='x' x1='0' y1='0' x2='1' y2='0'>"
                + "<stop offset='0' stop-color='#0a28f0'/><stop offset='1' stop-color='#f0280a'/></linearGradient>"
                + "<linearGradient id='y' x1='0' y1='0' x2='0' y2='1'>"
                + "<stop offset='0' stop-color='#00ff00' stop-opacity='0'/><stop offset='1' stop-color='#00ff00' stop-opacity='0.6'/>"
                + "</linearGradient></defs>"
                + "<rect width='" + W + "' height='" + H + "' fill='url(#x)'/>"
                + "<rect width='" + W + "' height='" + H + "' fill='url(#y)'/>"
                + "<rect x='" + W * 2 / 3 + "' width='8' height='" + H + "' fill='#c81414'/>"
                + "<rect width='" + W / 3 + "' height='" + H / 3 + "' fill='#6ed2c8'/>"
                + "<rect x='" + W * 3 / 4 + "' y='" + H * 3 / 4 + "' width='" + W / 4 + "' height='" + H / 4
                + "' fill='#141e78'/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    /// A JPEG whose stored pixels are turned so that EXIF `orientation` shows the reference upright.
    static byte[] oriented(int orientation) {
        try (Scope scope = VIPS.scope()) {
            VImage r = reference(scope, false);
            VImage stored = switch (orientation) {
                case 1 -> r;
                case 2 -> r.apply("flip", Map.of("direction", "horizontal"));
                case 3 -> r.apply("rot", Map.of("angle", "d180"));
                case 4 -> r.apply("flip", Map.of("direction", "vertical"));
                case 5 -> r.apply("rot", Map.of("angle", "d90")).apply("flip", Map.of("direction", "horizontal"));
                case 6 -> r.apply("rot", Map.of("angle", "d270"));
                case 7 -> r.apply("rot", Map.of("angle", "d270")).apply("flip", Map.of("direction", "horizontal"));
                case 8 -> r.apply("rot", Map.of("angle", "d90"));
                default -> throw new IllegalArgumentException("orientation " + orientation);
            };
            return stored.withHeader("orientation", orientation).save("jpegsave_buffer", Map.of("Q", 92, "strip", false));
        }
    }

    /// A solid colour converted to CMYK through libvips' built-in CMYK profile, which is embedded.
    static byte[] cmykJpeg(int r, int g, int b) {
        try (Scope scope = VIPS.scope()) {
            VImage solid = scope.image("black", Map.of("width", 64, "height", 64, "bands", 3))
                    .apply("linear", Map.of("a", new double[] {1, 1, 1}, "b", new double[] {r, g, b}))
                    .apply("cast", Map.of("format", "uchar")).apply("copy", Map.of("interpretation", "srgb"));
            return solid.apply("icc_transform", Map.of("output_profile", "cmyk", "input_profile", "srgb", "embedded", false))
                    .save("jpegsave_buffer", Map.of("Q", 95, "strip", false));
        }
    }

    static byte[] png16() {
        try (Scope scope = VIPS.scope()) {
            return reference(scope, false).apply("linear", Map.of("a", new double[] {257}, "b", new double[] {0}))
                    .apply("cast", Map.of("format", "ushort")).apply("copy", Map.of("interpretation", "rgb16"))
                    .save("pngsave_buffer", Map.of("bitdepth", 16));
        }
    }

    /// Three frames of 60×40, 100 ms apart, looping forever, as GIF or WebP.
    static byte[] animated(ImageFormat format) {
        try (Scope scope = VIPS.scope()) {
            VImage[] frames = new VImage[3];
            for (int i = 0; i < 3; i++) {
                frames[i] = scope.image("black", Map.of("width", 60, "height", 40, "bands", 3))
                        .apply("linear", Map.of("a", new double[] {1, 1, 1}, "b", new double[] {80 * i, 255 - 80 * i, 60}))
                        .apply("cast", Map.of("format", "uchar"));
            }
            VImage strip = scope.image("arrayjoin", Map.of("in", frames, "across", 1))
                    .apply("copy", Map.of("interpretation", "srgb"))
                    .withHeader("page-height", 40).withHeader("delay", new int[] {100, 100, 100}).withHeader("loop", 0);
            return format == ImageFormat.GIF ? strip.save("gifsave_buffer", Map.of())
                    : strip.save("webpsave_buffer", Map.of("Q", 90));
        }
    }

    static byte[] truncated(byte[] whole) {
        return java.util.Arrays.copyOf(whole, whole.length / 2);
    }

    static byte[] randomBytes() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    /// A 70-odd byte PNG whose header declares 50 000 × 50 000 pixels.
    static byte[] pixelBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
