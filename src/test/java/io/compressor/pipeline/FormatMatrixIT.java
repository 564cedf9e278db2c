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
/// and a perceptual hash within a few bits of the reference picture's.
class FormatMatrixIT {
    private static final Pipeline PIPELINE = new Pipeline(Fixtures.VIPS, new Limits(64 << 20, 100_000_000));
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
        assertThat(Looks.distance(Looks.dHash(result.bytes()), reference)).isLessThanOrEqualTo(MAX_HASH_DISTANCE);
    }
}
