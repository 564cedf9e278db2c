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

/// Every input format × every output format through the real pipeline: size, format by magic bytes, and the output
/// scored against the picture it should show (`Looks.score`: SSIMULACRA 2 against `Fixtures.expected`, or for SVG
/// input against librsvg's own drawing at that size).
class FormatMatrixIT {
    private static final Pipeline PIPELINE = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000));

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
        var expected = in == ImageFormat.SVG ? Looks.rendered(input, 0.5) : Fixtures.expected(120, 80);
        double score = Looks.score(result.bytes(), expected);
        assertThat(score).as("SSIMULACRA 2 against the picture").isGreaterThanOrEqualTo(Looks.SAME_PICTURE);
    }
}
