package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Every input format × every output format through the real pipeline: size, format by magic bytes,
/// and a perceptual hash within a few bits of the reference picture's and of the golden hash recorded in
/// `src/test/resources/golden/format-matrix.properties` (`-Dgolden.update=true` rewrites that file).
class FormatMatrixIT {
    private static final java.nio.file.Path GOLDEN = java.nio.file.Path.of("src/test/resources/golden/format-matrix.properties");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final java.util.Properties golden = load();
    private static final java.util.Map<String, String> seen = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static java.util.Properties load() {
        java.util.Properties p = new java.util.Properties();
        if (java.nio.file.Files.exists(GOLDEN)) {
            try (var in = java.nio.file.Files.newBufferedReader(GOLDEN)) {
                p.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return p;
    }

    @org.junit.jupiter.api.AfterAll
    static void writeGolden() throws java.io.IOException {
        if (UPDATE) {
            StringBuilder text = new StringBuilder("# dHash of each input -> output of FormatMatrixIT; rewrite with -Dgolden.update=true\n");
            seen.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            java.nio.file.Files.createDirectories(GOLDEN.getParent());
            java.nio.file.Files.writeString(GOLDEN, text);
        }
    }

    private static final Pipeline PIPELINE = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000));
    /// Bits of 64 that may differ from the reference: re-encoding noise, not a flip, a turn or a wrong crop.
    private static final int MAX_HASH_DISTANCE = 3;

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (ImageFormat in : ImageFormat.values()) {
            for (OutputFormat out : List.of(OutputFormat.JPEG, OutputFormat.PNG, OutputFormat.WEBP, OutputFormat.AVIF,
                    OutputFormat.GIF)) {
                cases.add(Arguments.of(in, out));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("matrix")
    void convertsAndResizes(ImageFormat in, OutputFormat out) {
        byte[] input = Fixtures.encode(in, false);
        ProcessOptions options = new ProcessOptions(Compression.HIGH, OptionalInt.empty(), out,
                Optional.of(new Resize(120, 80, ResizeMode.FIT, Gravity.CENTER, true, Color.WHITE)), Set.of());
        Result result = PIPELINE.process(input, options);
        assertThat(result.input().format()).isEqualTo(in);
        assertThat(Magic.of(result.bytes())).isEqualTo(out.fixed().orElseThrow());
        assertThat(result.format()).isEqualTo(out.fixed().orElseThrow());
        assertThat(List.of(result.width(), result.height())).containsExactly(120, 80);
        long reference = Looks.dHash(in == ImageFormat.SVG ? input : Fixtures.encode(ImageFormat.PNG, false));
        long hash = Looks.dHash(result.bytes());
        assertThat(Looks.distance(hash, reference)).isLessThanOrEqualTo(MAX_HASH_DISTANCE);
        String name = in.wireName() + "->" + out.fixed().orElseThrow().wireName();
        seen.put(name, Long.toHexString(hash));
        if (!UPDATE) {
            String recorded = golden.getProperty(name);
            assertThat(recorded).as("golden hash of " + name + "; record it with -Dgolden.update=true").isNotNull();
            assertThat(Looks.distance(hash, Long.parseUnsignedLong(recorded, 16))).as(name + " against its golden hash")
                    .isLessThanOrEqualTo(MAX_HASH_DISTANCE);
        }
    }
}
