package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Our SSIM agrees with ffmpeg's `ssim` filter (Debian's ffmpeg, installed by `scripts/test`) to within 0.005
/// on luma planes of a few pictures, each damaged in a few ways.
class SsimFfmpegIT {
    private static final Pattern ALL = Pattern.compile("All:([0-9.]+)");

    @TempDir
    Path dir;

    /// Pictures with texture: the fixture's gradients scaled up, smooth noise, and sharp noise with edges.
    private static VImage picture(Scope scope, String name) {
        return switch (name) {
            case "gradients" -> Fixtures.reference(scope, false).apply("resize", Map.of("scale", 3.0));
            case "clouds" -> scope.image("gaussnoise", Map.of("width", 500, "height", 380, "sigma", 60.0, "mean", 128.0))
                    .apply("gaussblur", Map.of("sigma", 4.0)).apply("cast", Map.of("format", "uchar"));
            default -> scope.image("gaussnoise", Map.of("width", 420, "height", 300, "sigma", 40.0, "mean", 128.0))
                    .apply("linear", Map.of("a", new double[] {1.0}, "b", new double[] {0}))
                    .apply("cast", Map.of("format", "uchar"))
                    .apply("embed", Map.of("x", 30, "y", 20, "width", 480, "height", 340));
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradients", "clouds", "edges"})
    void agreesWithFfmpegToWithinFiveThousandths(String name) throws Exception {
        try (Scope scope = Fixtures.VIPS.scope()) {
            VImage original = picture(scope, name).copyMemory();
            List<UnaryOperator<VImage>> damages = List.of(
                    i -> scope.image("jpegload_buffer", Map.of("buffer", scope.blob(i.save("jpegsave_buffer", Map.of("Q", 15))))),
                    i -> i.apply("gaussblur", Map.of("sigma", 1.5)).apply("cast", Map.of("format", "uchar")),
                    i -> i.apply("linear", Map.of("a", new double[] {0.8}, "b", new double[] {30.0})).apply("cast",
                            Map.of("format", "uchar")));
            Fidelity.Plane a = Fidelity.plane(original);
            for (UnaryOperator<VImage> damage : damages) {
                Fidelity.Plane b = Fidelity.plane(damage.apply(original));
                double ours = Ssim.score(a.luma(), b.luma(), a.width(), a.height());
                double theirs = ffmpeg(pgm("a", a), pgm("b", b));
                assertThat(ours).as("%s: ours %.5f, ffmpeg %.5f", name, ours, theirs).isCloseTo(theirs, within(0.005))
                        .isLessThan(1.0);
            }
        }
    }

    private Path pgm(String name, Fidelity.Plane plane) throws IOException {
        Path file = dir.resolve(name + ".pgm");
        byte[] header = ("P5\n" + plane.width() + " " + plane.height() + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + plane.luma().length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(plane.luma(), 0, all, header.length, plane.luma().length);
        Files.write(file, all);
        return file;
    }

    private static double ffmpeg(Path a, Path b) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-i", a.toString(), "-i", b.toString(),
                "-lavfi", "[0:v]format=gray[x];[1:v]format=gray[y];[x][y]ssim", "-f", "null", "-")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        Matcher m = ALL.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
