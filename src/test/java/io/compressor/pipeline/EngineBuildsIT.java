package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import io.compressor.testing.TestEnvironment;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/// An engine over two libvips builds in one process, as `./compressor` runs it: sharp's (libvips 8.17 with mozjpeg, named
/// by `scripts/test` in `COMPRESSOR_TEST_MOZJPEG_LIBVIPS`), which reads no HEIC, BMP or ICO, then Debian's, which does.
class EngineBuildsIT {
    private static final Vips SHARP = Vips.start(new VipsConfig(TestEnvironment.required("COMPRESSOR_TEST_MOZJPEG_LIBVIPS",
            "sharp's libvips build (sharp_libvips in scripts/lib.sh)"), 0));
    private static final Vips DEBIAN = Vips.start(new VipsConfig(VipsConfig.DEFAULT_LIBRARY, 0));
    private static final Limits LIMITS = new Limits(64 << 20, 100_000_000);
    private static final Pipeline BOTH = new Pipeline(List.of(SHARP, DEBIAN), LIMITS);
    private static final ProcessOptions JPEG_80 = new ProcessOptions(Compression.HIGH, OptionalInt.of(80), OutputFormat.JPEG,
            Optional.empty(), Set.of());

    @Test
    void eachBuildReadsWhatItCanAndTheEngineSaysWhich() {
        assertThat(BOTH.engineVersion()).matches("libvips 8\\.1[7-9]\\.\\d+ \\(mozjpeg\\) for JPEG, PNG, WEBP, AVIF, GIF, TIFF,"
                + " SVG; libvips " + DEBIAN.version().replace(".", "\\.") + " for HEIC, BMP, ICO; \\d+ threads per image");
    }

    @Test
    void whatTheFirstBuildCannotReadRunsOnTheSecond() {
        for (ImageFormat format : List.of(ImageFormat.HEIC, ImageFormat.BMP, ImageFormat.ICO)) {
            Result result = BOTH.process(Fixtures.encode(format, false), ProcessOptions.DEFAULTS);
            assertThat(result.input().format()).isEqualTo(format);
            assertThat(result.width()).as(format.name()).isEqualTo(Fixtures.W);
            assertThat(result.height()).as(format.name()).isEqualTo(Fixtures.H);
        }
    }

    @Test
    void whatTheFirstBuildReadsRunsThereWithItsMozjpeg() {
        byte[] png = Fixtures.encode(ImageFormat.PNG, false);
        byte[] both = BOTH.process(png, JPEG_80).bytes();
        byte[] debian = new Pipeline(DEBIAN, LIMITS).process(png, JPEG_80).bytes();
        assertThat(both).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(both.length).as("mozjpeg %d bytes, libjpeg-turbo %d", both.length, debian.length).isLessThan(debian.length);
    }

    @Test
    void aFormatNoBuildReadsIsUnsupportedAndSaysWhy() {
        Pipeline sharpAlone = new Pipeline(SHARP, LIMITS);
        assertThatThrownBy(() -> sharpAlone.process(Fixtures.encode(ImageFormat.BMP, false), ProcessOptions.DEFAULTS))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("unsupported_format");
                    assertThat(e.getMessage()).isEqualTo("The file is BMP, which this server's libvips cannot read."
                            + " Convert it to JPEG, PNG or WebP first.");
                });
    }

    @Test
    void bothBuildsRunAtOnceFromManyThreads() throws Exception {
        byte[] jpeg = Fixtures.encode(ImageFormat.JPEG, false);
        byte[] heic = Fixtures.encode(ImageFormat.HEIC, false);
        ProcessOptions smaller = new ProcessOptions(Compression.HIGH, OptionalInt.empty(), OutputFormat.WEBP,
                Optional.of(new Resize(120, 80, ResizeMode.FIT, Gravity.CENTER, true, Color.WHITE)), Set.of());
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] input = i % 2 == 0 ? jpeg : heic;
                results.add(pool.submit(() -> BOTH.process(input, smaller)));
            }
            for (Future<Result> result : results) {
                assertThat(result.get().format()).isEqualTo(ImageFormat.WEBP);
                assertThat(result.get().width()).isEqualTo(120);
                assertThat(result.get().height()).isEqualTo(80);
            }
        }
    }
}
