package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.error.ServiceException;
import io.compressor.vips.Vips;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// Hundreds of pipelines, successful and failing, leave libvips exactly as they found it: no tracked
/// memory, no open file and no live object (so every image reference was released), in every build of the engine.
class EngineLeakIT {
    @Test
    void nothingNativeOutlivesAPipeline() {
        Pipeline pipeline = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000));
        List<byte[]> inputs = List.of(Fixtures.encode(ImageFormat.JPEG, false), Fixtures.encode(ImageFormat.PNG, true),
                Fixtures.encode(ImageFormat.WEBP, false), Fixtures.animated(ImageFormat.GIF), Fixtures.oriented(6),
                Fixtures.encode(ImageFormat.HEIC, false), // on an engine of two builds, the second's
                Fixtures.cmykJpeg(20, 120, 220), Fixtures.truncated(Fixtures.encode(ImageFormat.JPEG, false)),
                Fixtures.randomBytes(), Fixtures.pixelBomb());
        List<ProcessOptions> options = List.of(ProcessOptions.DEFAULTS,
                new ProcessOptions(Compression.ULTRA, OptionalInt.empty(), OutputFormat.WEBP,
                        Optional.of(new Resize(64, 64, ResizeMode.FIT, Gravity.SMART, true, Color.WHITE)), Set.of()),
                new ProcessOptions(Compression.MEDIUM, OptionalInt.empty(), OutputFormat.PNG,
                        Optional.of(new Resize(50, 90, ResizeMode.FILL, Gravity.TOP, true, Color.parse("#00000000"))),
                        Set.of(MetadataKind.EXIF)),
                new ProcessOptions(Compression.HIGH, OptionalInt.of(60), OutputFormat.JPEG,
                        Optional.of(new Resize(30, 30, ResizeMode.CROP, Gravity.BOTTOM_RIGHT, false, Color.WHITE)), Set.of()));
        List<Vips.Stats> before = Fixtures.ENGINE.stream().map(Vips::stats).toList();
        int done = 0;
        int failed = 0;
        for (int round = 0; round < 9; round++) {
            for (byte[] input : inputs) {
                for (ProcessOptions option : options) {
                    try {
                        pipeline.process(input, option);
                        done++;
                    } catch (ServiceException expected) {
                        failed++;
                    }
                }
            }
        }
        assertThat(done + failed).isEqualTo(360);
        assertThat(failed).isEqualTo(9 * 3 * 4);
        for (int i = 0; i < before.size(); i++) {
            Vips.Stats was = before.get(i);
            Vips.Stats after = Fixtures.ENGINE.get(i).stats();
            String build = "libvips " + Fixtures.ENGINE.get(i).version() + ": ";
            // no growth: other tests of this JVM may still be finishing work when `before` is read, never more after
            assertThat(after.liveObjects()).as(build + "live libvips objects").isLessThanOrEqualTo(was.liveObjects());
            assertThat(after.trackedMemory()).as(build + "tracked memory").isLessThanOrEqualTo(was.trackedMemory());
            assertThat(after.trackedAllocations()).as(build + "tracked allocations").isLessThanOrEqualTo(was.trackedAllocations());
            assertThat(after.openFiles()).as(build + "open files").isLessThanOrEqualTo(was.openFiles());
        }
    }
}
