package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.testing.TestEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The packaged jar on a libvips whose JPEG encoder is mozjpeg (sharp's build from npm, fetched by `scripts/test`
/// with `sharp_libvips` of `scripts/lib.sh` and named in `COMPRESSOR_TEST_MOZJPEG_LIBVIPS`), next to Debian's libvips
/// alone: the engine finds mozjpeg by itself, says so, and its JPEGs are smaller at the same quality.
class MozjpegIT {
    private static final String VARIABLE = "COMPRESSOR_TEST_MOZJPEG_LIBVIPS";
    private static final Map<String, String> DEBIAN_ALONE = Map.of("COMPRESSOR_VIPS_LIBRARY", "libvips.so.42");

    @TempDir
    Path dir;

    private static String library() {
        return TestEnvironment.required(VARIABLE, "sharp's libvips build (sharp_libvips in scripts/lib.sh)");
    }

    /// A photo-like picture: soft gradients, edges and grain, as PNG (so that a JPEG output is always re-encoded).
    private Path photo() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Random grain = new Random(7);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int edge = ((x / 40 + y / 60) % 2) * 50;
                int r = Math.clamp(x * 200 / 640 + edge + grain.nextInt(24), 0, 255);
                int g = Math.clamp(y * 200 / 480 + grain.nextInt(24), 0, 255);
                int b = Math.clamp(120 + edge + grain.nextInt(24), 0, 255);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        Path png = dir.resolve("in").resolve("photo.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(image, "png", png.toFile());
        return png;
    }

    private record Optimized(String said, byte[] jpeg) {}

    private Optimized optimize(Map<String, String> env, String out, String... options) throws Exception {
        Path photo = photo();
        List<String> args = new java.util.ArrayList<>(List.of("optimize", photo.toString(), "--out",
                dir.resolve(out).toString(), "--format", "jpeg"));
        args.addAll(List.of(options));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("COMPRESSOR_DATA_DIR", dir.resolve("data-" + out).toString());
        Process p = Node.command(List.of(), all, args.toArray(String[]::new)).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
        return new Optimized(said, Files.readAllBytes(dir.resolve(out).resolve("photo.jpg")));
    }

    @Test
    void atTheSameQualityMozjpegMakesASmallerJpeg() throws Exception {
        Optimized turbo = optimize(DEBIAN_ALONE, "turbo", "--quality", "80");
        Optimized mozjpeg = optimize(Map.of("COMPRESSOR_VIPS_LIBRARY", library()), "mozjpeg", "--quality", "80");
        assertThat(mozjpeg.jpeg()).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(mozjpeg.jpeg().length).as("mozjpeg %d bytes, libjpeg-turbo %d", mozjpeg.jpeg().length,
                turbo.jpeg().length).isLessThan(turbo.jpeg().length * 97 / 100);
    }

    @Test
    void theServerSaysItFoundMozjpegAndOnlyThere() throws Exception {
        assertThat(engineLine(Map.of("COMPRESSOR_VIPS_LIBRARY", library()), "a"))
                .containsPattern("Image engine: libvips 8\\.1[7-9]\\.[0-9]+ \\(mozjpeg\\)");
        assertThat(engineLine(DEBIAN_ALONE, "b")).contains("Image engine: libvips 8.").doesNotContain("mozjpeg");
    }

    @Test
    void onBothBuildsTheServerSaysWhichRunsWhichFormats() throws Exception {
        String both = library() + ":libvips.so.42";
        assertThat(engineLine(Map.of("COMPRESSOR_VIPS_LIBRARY", both), "c")).containsPattern(
                "Image engine: libvips 8\\.1[7-9]\\.[0-9]+ \\(mozjpeg\\) for JPEG, PNG, WEBP, AVIF, GIF, TIFF, SVG; "
                        + "libvips 8\\.[0-9]+\\.[0-9]+ for HEIC, BMP, ICO; [0-9]+ threads per image");
    }

    /// What a server on this library logs about its image engine when it starts.
    private String engineLine(Map<String, String> env, String name) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.resolve(name).toString()));
        Path log = dir.resolve(name + ".log");
        Node node = Node.start(all, log);
        assertThat(node.terminate()).isZero();
        return Files.readAllLines(log).stream().filter(l -> l.contains("Image engine:")).findFirst().orElse(Files.readString(log));
    }
}
