package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import io.compressor.vips.HeldBytes;
import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The engine's promises, one by one, on images made for each.
class PipelineIT {
    private static final Pipeline PIPELINE = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000));

    private static ProcessOptions options(OutputFormat format, Resize resize, MetadataKind... keep) {
        return new ProcessOptions(Compression.HIGH, OptionalInt.empty(), format, Optional.ofNullable(resize), Set.of(keep));
    }

    private static <T> T header(byte[] encoded, java.util.function.Function<VImage, T> read) {
        ImageFormat format = Sniff.format(encoded).orElseThrow();
        try (Scope scope = Fixtures.VIPS.scope()) {
            return read.apply(scope.image(Sniff.loader(format), format.animates()
                    ? Map.of("buffer", encoded, "n", -1) : Map.of("buffer", encoded)));
        }
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationIsAppliedToThePixelsAndTheTagIsReset(int orientation) {
        byte[] input = Fixtures.oriented(orientation);
        Result result = PIPELINE.process(input, options(OutputFormat.PNG, null, MetadataKind.EXIF));
        assertThat(List.of(result.width(), result.height())).containsExactly(Fixtures.W, Fixtures.H);
        assertThat(Looks.score(result.bytes(), Fixtures.expected(Fixtures.W, Fixtures.H))).isGreaterThanOrEqualTo(Looks.SAME_PICTURE);
        assertThat((int) header(result.bytes(), i -> i.intHeader("orientation", 1))).isEqualTo(1);
    }

    @Test
    void aCmykJpegComesOutInSrgbWithItsColours() {
        Result result = PIPELINE.process(Fixtures.cmykJpeg(200, 30, 30), options(OutputFormat.JPEG, null));
        assertThat((int) header(result.bytes(), VImage::bands)).isEqualTo(3);
        int[] mean = Looks.meanColour(result.bytes());
        assertThat(mean[0]).isBetween(185, 215);
        assertThat(mean[1]).isBetween(15, 50);
        assertThat(mean[2]).isBetween(15, 50);
    }

    @Test
    void sixteenBitPngBecomesEightBit() {
        Result result = PIPELINE.process(Fixtures.png16(), options(OutputFormat.PNG, null));
        assertThat(result.input().bitsPerSample()).isEqualTo(16);
        assertThat((Object) header(result.bytes(), i -> i.header("format").orElseThrow())).isEqualTo("uchar");
        assertThat(Looks.score(result.bytes(), Fixtures.expected(Fixtures.W, Fixtures.H))).isGreaterThanOrEqualTo(Looks.SAME_PICTURE);
    }

    @Test
    void alphaIntoJpegIsFlattenedOntoTheBackground() {
        byte[] transparent;
        try (Scope scope = Fixtures.VIPS.scope()) {
            transparent = scope.image("black", Map.of("width", 32, "height", 32, "bands", 4))
                    .apply("cast", Map.of("format", "uchar")).apply("copy", Map.of("interpretation", "srgb"))
                    .save("pngsave_buffer", Map.of());
        }
        Resize red = new Resize(32, 32, ResizeMode.FILL, Gravity.CENTER, true, Color.parse("#ff0000"));
        assertThat(Looks.meanColour(PIPELINE.process(transparent, options(OutputFormat.JPEG, null)).bytes()))
                .containsExactly(255, 255, 255);
        int[] onRed = Looks.meanColour(PIPELINE.process(transparent, options(OutputFormat.JPEG, red)).bytes());
        assertThat(onRed[0]).isGreaterThan(245);
        assertThat(onRed[1]).isLessThan(10);
    }

    @Test
    void autoKeepsAlphaInPngAndTurnsFormatsBrowsersCannotShowIntoJpegOrPng() {
        assertThat(PIPELINE.process(Fixtures.encode(ImageFormat.PNG, true), options(OutputFormat.AUTO, null)).format())
                .isEqualTo(ImageFormat.PNG);
        assertThat(PIPELINE.process(Fixtures.encode(ImageFormat.TIFF, false), options(OutputFormat.AUTO, null)).format())
                .isEqualTo(ImageFormat.JPEG);
        assertThat(PIPELINE.process(Fixtures.encode(ImageFormat.TIFF, true), options(OutputFormat.AUTO, null)).format())
                .isEqualTo(ImageFormat.PNG);
        assertThat(PIPELINE.process(Fixtures.encode(ImageFormat.BMP, false), options(OutputFormat.AUTO, null)).format())
                .isEqualTo(ImageFormat.JPEG);
        assertThat(PIPELINE.process(Fixtures.encode(ImageFormat.WEBP, false), options(OutputFormat.AUTO, null)).format())
                .isEqualTo(ImageFormat.WEBP);
    }

    @Test
    void smallestKeepsTheSmallestOfTheWebFormats() {
        byte[] input = Fixtures.encode(ImageFormat.PNG, false);
        Result smallest = PIPELINE.process(input, options(OutputFormat.SMALLEST, null));
        for (OutputFormat each : List.of(OutputFormat.JPEG, OutputFormat.WEBP, OutputFormat.AVIF)) {
            assertThat(smallest.bytes().length).isLessThanOrEqualTo(PIPELINE.process(input, options(each, null)).bytes().length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GIF", "WEBP"})
    void animationsKeepEveryFrameTheirDelaysAndLoop(String name) {
        ImageFormat format = ImageFormat.valueOf(name);
        byte[] input = Fixtures.animated(format);
        Resize half = new Resize(30, 20, ResizeMode.FIT, Gravity.CENTER, true, Color.WHITE);
        for (OutputFormat out : List.of(OutputFormat.GIF, OutputFormat.WEBP)) {
            Result result = PIPELINE.process(input, options(out, half));
            assertThat(result.input().frames()).isEqualTo(3);
            assertThat(List.of(result.width(), result.height())).containsExactly(30, 20);
            assertThat((int) header(result.bytes(), i -> i.intHeader("n-pages", 1))).isEqualTo(3);
            assertThat((int) header(result.bytes(), i -> i.intHeader("page-height", 0))).isEqualTo(20);
            assertThat((int[]) header(result.bytes(), i -> (int[]) i.header("delay").orElseThrow())).containsExactly(100, 100, 100);
            assertThat((int) header(result.bytes(), i -> i.intHeader("loop", -1))).isZero();
        }
        Result still = PIPELINE.process(input, options(OutputFormat.PNG, half));
        assertThat(List.of(still.width(), still.height())).containsExactly(30, 20);
        assertThat((int) header(still.bytes(), VImage::height)).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"JPEG", "PNG"})
    void truncatedFilesAreCorruptNotGreyHalfImages(String name) {
        byte[] truncated = Fixtures.truncated(Fixtures.encode(ImageFormat.valueOf(name), false));
        assertThatThrownBy(() -> PIPELINE.process(truncated, options(OutputFormat.AUTO, null)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("corrupt_image"));
    }

    @Test
    void randomBytesAreAnUnsupportedFormat() {
        assertThatThrownBy(() -> PIPELINE.process(Fixtures.randomBytes(), options(OutputFormat.AUTO, null)))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("unsupported_format");
                    assertThat(e.status()).isEqualTo(422);
                });
    }

    @Test
    void aPixelBombIsRefusedBeforeDecodingWithoutMemoryGrowth() {
        long before = Fixtures.engineMemory();
        byte[] bomb = Fixtures.pixelBomb();
        assertThat(bomb.length).isLessThan(100);
        assertThatThrownBy(() -> PIPELINE.process(bomb, options(OutputFormat.AUTO, null)))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("image_too_large");
                    assertThat(e.getMessage()).contains("50000x50000").contains("limit is 100000000 pixels");
                });
        assertThat(Fixtures.engineMemory()).isLessThanOrEqualTo(before + 1024 * 1024);
    }

    @Test
    void anOutputOverThePixelLimitIsRefusedBeforeDecoding() {
        // a limit of 1 MP, so that a regression costs seconds, not the minutes a 16384×16384 output would
        Pipeline limited = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 1_000_000));
        byte[] small = Fixtures.encode(ImageFormat.PNG, false);
        Resize grown = new Resize(2000, 2000, ResizeMode.EXACT, Gravity.CENTER, true, Color.WHITE);
        assertThatThrownBy(() -> limited.process(small, options(OutputFormat.JPEG, grown)))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("image_too_large");
                    assertThat(e.getMessage()).isEqualTo("image.resize: the output would be 2000x2000 = 4000000 pixels;"
                            + " the limit is 1000000 pixels. Ask for a smaller size.");
                });
        // a cover crop cut from a scaled image over the limit is refused too: the scaled image is what costs
        Resize banner = new Resize(2000, 10, ResizeMode.FIT, Gravity.SMART, true, Color.WHITE);
        assertThatThrownBy(() -> limited.process(small, options(OutputFormat.JPEG, banner)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.getMessage())
                        .startsWith("image.resize: the scaled image to cut the output from would be 2000x1333 = 2666000"));
        assertThat(limited.process(small, options(OutputFormat.JPEG, new Resize(1000, 1000, ResizeMode.EXACT,
                Gravity.CENTER, true, Color.WHITE))).width()).isEqualTo(1000);
    }

    @Test
    void everyFrameOfAnAnimatedOutputCountsTowardsThePixelLimit() {
        Pipeline limited = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000));
        Resize grown = new Resize(300, 200, ResizeMode.EXACT, Gravity.CENTER, true, Color.WHITE);
        byte[] gif = Fixtures.animated(ImageFormat.GIF);
        assertThatThrownBy(() -> limited.process(gif, options(OutputFormat.GIF, grown)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.getMessage())
                        .contains("300x200 x 3 frames = 180000 pixels"));
        Result still = limited.process(gif, options(OutputFormat.PNG, grown));
        assertThat(List.of(still.width(), still.height())).containsExactly(300, 200);
    }

    @Test
    void aFileOverTheByteLimitIsRefused() {
        Pipeline tiny = new Pipeline(Fixtures.ENGINE, new Limits(1000, 100_000_000));
        assertThatThrownBy(() -> tiny.process(Fixtures.encode(ImageFormat.PNG, false), options(OutputFormat.AUTO, null)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("file_too_large"));
    }

    @Test
    void aFileReadIntoNativeMemoryGivesWhatItsBytesGiveAndCanBeReadAgain(@TempDir Path dir) throws Exception {
        byte[] jpeg = Fixtures.encode(ImageFormat.JPEG, false);
        Path file = Files.write(dir.resolve("in.jpg"), jpeg);
        ProcessOptions webp = options(OutputFormat.WEBP, new Resize(120, 80, ResizeMode.FIT, Gravity.CENTER, true, Color.WHITE));
        byte[] expected = PIPELINE.process(jpeg, webp).bytes();
        assertThat(PIPELINE.process(file, webp).bytes()).isEqualTo(expected);
        try (HeldBytes held = HeldBytes.read(file)) {
            assertThat(held.size()).isEqualTo(jpeg.length);
            for (int i = 0; i < 3; i++) {
                assertThat(PIPELINE.process(held, webp).bytes()).as("run %d on the same bytes", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void aFileOverTheByteLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("big.png"), Fixtures.encode(ImageFormat.PNG, false));
        Pipeline tiny = new Pipeline(Fixtures.ENGINE, new Limits(1000, 100_000_000));
        assertThatThrownBy(() -> tiny.process(file, options(OutputFormat.AUTO, null)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("file_too_large"));
    }

    @Test
    void theOutputIsNeverLargerThanAnInputOfTheSameFormatWithoutResize(@TempDir Path dir) throws Exception {
        byte[] tight;
        try (Scope scope = Fixtures.ENGINE.getFirst().scope()) { // the engine's own JPEG encoder (mozjpeg's options when it has them)
            tight = Fixtures.reference(scope, false).save("jpegsave_buffer", Map.of("Q", 20, "strip", true,
                    "optimize_coding", true, "interlace", true, "trellis_quant", true, "optimize_scans", true,
                    "quant_table", 3));
        }
        Result result = PIPELINE.process(tight, options(OutputFormat.AUTO, null));
        assertThat(result.unchanged()).isTrue();
        assertThat(result.bytes()).isEqualTo(tight);
        Result fromFile = PIPELINE.process(Files.write(dir.resolve("tight.jpg"), tight), options(OutputFormat.AUTO, null));
        assertThat(fromFile.unchanged()).isTrue();
        assertThat(fromFile.bytes()).isEqualTo(tight);
        Result resized = PIPELINE.process(tight, options(OutputFormat.AUTO, new Resize(60, 0, ResizeMode.AUTO,
                Gravity.CENTER, false, Color.WHITE)));
        assertThat(resized.unchanged()).isFalse();
        assertThat(resized.width()).isEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"JPEG", "PNG", "WEBP", "AVIF"})
    void aOnePixelOutputIsSearchedLikeAnyOther(String name) {
        ImageFormat format = ImageFormat.valueOf(name);
        byte[] dot;
        try (Scope scope = Fixtures.VIPS.scope()) {
            dot = scope.image("black", Map.of("width", 1, "height", 1, "bands", 3)).save("pngsave_buffer", Map.of());
        }
        OutputFormat target = OutputFormat.valueOf(name);
        Result one = PIPELINE.process(dot, options(target, null));
        assertThat(one.format()).isEqualTo(format);
        assertThat(one.width()).isEqualTo(1);
        Result shrunk = PIPELINE.process(Fixtures.encode(ImageFormat.PNG, false), options(target,
                new Resize(1, 0, ResizeMode.AUTO, Gravity.CENTER, false, Color.WHITE)));
        assertThat(shrunk.width()).isEqualTo(1);
        assertThat(shrunk.height()).isEqualTo(1);
    }

    @Test
    void metadataIsStrippedByDefaultAndKeptWhenListed() {
        byte[] input = Fixtures.oriented(1);
        assertThat((boolean) header(input, i -> i.header("exif-data").isPresent())).isTrue();
        for (OutputFormat format : List.of(OutputFormat.JPEG, OutputFormat.PNG, OutputFormat.WEBP, OutputFormat.AVIF)) {
            for (byte[] source : List.of(input, Fixtures.cmykJpeg(10, 200, 10))) {
                byte[] stripped = PIPELINE.process(source, options(format, null)).bytes();
                assertThat((boolean) header(stripped, i -> i.header("exif-data").isPresent())).as(format + " exif").isFalse();
                assertThat((boolean) header(stripped, i -> i.header("icc-profile-data").isPresent())).as(format + " icc").isFalse();
            }
        }
        byte[] kept = PIPELINE.process(input, options(OutputFormat.JPEG, null, MetadataKind.EXIF)).bytes();
        assertThat((boolean) header(kept, i -> i.header("exif-data").isPresent())).isTrue();
        byte[] cmykKept = PIPELINE.process(Fixtures.cmykJpeg(10, 200, 10), options(OutputFormat.JPEG, null, MetadataKind.ICC)).bytes();
        assertThat((boolean) header(cmykKept, i -> i.header("icc-profile-data").isPresent())).isTrue();
    }

    /// (That stronger levels give smaller files is QualitySearchIT's: on this smooth picture every level's
    /// target is met at the lowest quality searched.)
    @Test
    void aFixedQualityOverridesTheLevelAndIsNotSearched() {
        byte[] input = Fixtures.encode(ImageFormat.PNG, false);
        Result medium = PIPELINE.process(input, new ProcessOptions(Compression.MEDIUM, OptionalInt.empty(), OutputFormat.JPEG,
                Optional.empty(), Set.of()));
        Result q98 = PIPELINE.process(input, new ProcessOptions(Compression.ULTRA, OptionalInt.of(98), OutputFormat.JPEG,
                Optional.empty(), Set.of()));
        assertThat(q98.bytes().length).isGreaterThan(medium.bytes().length);
        assertThat(medium.quality()).isNotNull();
        assertThat(q98.quality()).as("a fixed quality is not searched").isNull();
    }

    @Test
    void smartGravityCropsToTheBoxAroundTheMostInterestingRegion() {
        Result result = PIPELINE.process(Fixtures.encode(ImageFormat.PNG, false), options(OutputFormat.PNG,
                new Resize(50, 150, ResizeMode.FIT, Gravity.SMART, true, Color.WHITE)));
        assertThat(List.of(result.width(), result.height())).containsExactly(50, 150);
        // flat grey with one patch of noise near the right edge: the smart crop holds the noise, the centre one does not
        byte[] patched;
        try (Scope scope = Fixtures.VIPS.scope()) {
            VImage grey = scope.image("black", Map.of("width", 400, "height", 100, "bands", 3))
                    .apply("linear", Map.of("a", new double[] {1, 1, 1}, "b", new double[] {128, 128, 128}))
                    .apply("cast", Map.of("format", "uchar"));
            VImage noise = scope.image("gaussnoise", Map.of("width", 60, "height", 60, "sigma", 60.0, "mean", 128.0))
                    .apply("cast", Map.of("format", "uchar"));
            VImage rgbNoise = scope.image("bandjoin", Map.of("in", new VImage[] {noise, noise, noise}));
            patched = scope.image("insert", Map.of("main", grey, "sub", rgbNoise, "x", 320, "y", 20))
                    .apply("copy", Map.of("interpretation", "srgb")).save("pngsave_buffer", Map.of());
        }
        for (Gravity gravity : List.of(Gravity.SMART, Gravity.CENTER)) {
            byte[] cropped = PIPELINE.process(patched, options(OutputFormat.PNG,
                    new Resize(100, 100, ResizeMode.FIT, gravity, true, Color.WHITE))).bytes();
            double deviation = header(cropped, i -> (Double) i.scope().call("deviate", Map.of("in", i)).get("out"));
            assertThat(deviation).as(gravity + " crop's standard deviation")
                    .matches(d -> gravity == Gravity.SMART ? d > 20 : d < 1, gravity == Gravity.SMART ? "> 20" : "< 1");
        }
    }

    @Test
    void theCopyrightGroupKeepsOnlyItsExifTags() {
        byte[] tagged;
        try (Scope scope = Fixtures.VIPS.scope()) {
            tagged = Fixtures.reference(scope, false).withHeader("exif-ifd0-Copyright", "ACME Photo")
                    .withHeader("exif-ifd0-Artist", "Ann Example").withHeader("exif-ifd0-DateTime", "2026:01:02 03:04:05")
                    .withHeader("exif-ifd0-Make", "CameraCo").save("jpegsave_buffer", Map.of("strip", false));
        }
        assertThat((String) header(tagged, i -> String.valueOf(i.header("exif-ifd0-Make").orElse("")))).startsWith("CameraCo");
        for (OutputFormat format : List.of(OutputFormat.JPEG, OutputFormat.WEBP)) {
            byte[] kept = PIPELINE.process(tagged, options(format, null, MetadataKind.COPYRIGHT)).bytes();
            assertThat((String) header(kept, i -> String.valueOf(i.header("exif-ifd0-Copyright").orElse(""))))
                    .as(format + " copyright").startsWith("ACME Photo");
            assertThat((String) header(kept, i -> String.valueOf(i.header("exif-ifd0-Artist").orElse(""))))
                    .as(format + " artist").startsWith("Ann Example");
            assertThat((boolean) header(kept, i -> i.header("exif-ifd0-DateTime").isPresent())).as(format + " date").isFalse();
            assertThat((boolean) header(kept, i -> i.header("exif-ifd0-Make").isPresent())).as(format + " make").isFalse();
        }
    }
}
