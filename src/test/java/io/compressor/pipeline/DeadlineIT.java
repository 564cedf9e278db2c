package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// Every image has a processing deadline that libvips itself obeys: work past it stops inside the running operation,
/// and the job is refused with `processing_timeout`. SVG filters have a render bound of their own.
class DeadlineIT {
    private static final ProcessOptions FIXED_JPEG = new ProcessOptions(Compression.HIGH, OptionalInt.of(80),
            OutputFormat.JPEG, Optional.empty(), Set.of());

    /// Perlin noise over `side`×`side`: librsvg computes the filter for every tile.
    static byte[] turbulence(int side) {
        return ("<svg xmlns='http://www.w3.org/2000/svg' width='" + side + "' height='" + side + "'>"
                + "<filter id='f'><feTurbulence baseFrequency='0.01' numOctaves='8'/></filter>"
                + "<rect width='100%' height='100%' filter='url(#f)'/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    /// 100 MP of gradient: seconds of rendering and encoding, all of it inside one libvips save.
    private static final byte[] HUNDRED_MEGAPIXELS = ("<svg xmlns='http://www.w3.org/2000/svg' width='10000' height='10000'>"
            + "<linearGradient id='g'><stop offset='0' stop-color='#123'/><stop offset='1' stop-color='#fc8'/></linearGradient>"
            + "<circle cx='5000' cy='5000' r='4900' fill='url(#g)'/></svg>").getBytes(StandardCharsets.UTF_8);

    private static Pipeline pipeline(Duration deadline) {
        return new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000, Limits.DEFAULT_SEARCH_TIME, deadline));
    }

    private static Duration timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void workPastTheDeadlineStopsInsideTheRunningLibvipsOperation() {
        Duration whole = timed(() -> assertThat(pipeline(Duration.ofSeconds(60)).process(HUNDRED_MEGAPIXELS, FIXED_JPEG)
                .width()).isEqualTo(10000));
        Duration stopped = timed(() -> assertThatThrownBy(() -> pipeline(Duration.ofSeconds(1)).process(HUNDRED_MEGAPIXELS,
                FIXED_JPEG)).isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("processing_timeout");
                    assertThat(e.getMessage()).contains("1 s deadline");
                }));
        assertThat(whole).as("the whole job must outlast the deadline for this test to mean anything")
                .isGreaterThan(Duration.ofSeconds(3));
        assertThat(stopped).as("stopped after %s where the whole job took %s", stopped, whole)
                .isLessThan(whole.dividedBy(2));
    }

    @Test
    void anSvgWithFiltersRendersAtMostItsOwnPixelLimit() {
        Pipeline defaults = pipeline(Limits.DEFAULT_PROCESSING_TIME);
        Duration refused = timed(() -> assertThatThrownBy(() -> defaults.process(turbulence(4000), ProcessOptions.DEFAULTS))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("image_too_large");
                    assertThat(e.getMessage()).contains("filter effects", "4000x4000", "Ask for a smaller size");
                }));
        assertThat(refused).isLessThan(Duration.ofSeconds(1));
        Duration rendered = timed(() -> assertThat(defaults.process(turbulence(4000), new ProcessOptions(Compression.HIGH,
                OptionalInt.of(80), OutputFormat.JPEG, Optional.of(new Resize(1500, 0, ResizeMode.AUTO, Gravity.CENTER, false,
                        Color.WHITE)), Set.of())).width()).as("rendered at the size asked for").isEqualTo(1500));
        assertThat(rendered).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void workWithinTheDeadlineIsNotDisturbedAndTheTimerDoesNotOutliveIt() throws Exception {
        Pipeline pipeline = pipeline(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertThat(pipeline.process(Fixtures.encode(ImageFormat.PNG, false), ProcessOptions.DEFAULTS).bytes()).isNotEmpty();
        }
        Thread.sleep(1500); // past the deadlines of the runs above: a timer left armed would have no job to stop
        assertThat(pipeline.process(Fixtures.encode(ImageFormat.JPEG, false), ProcessOptions.DEFAULTS).bytes()).isNotEmpty();
    }
}
