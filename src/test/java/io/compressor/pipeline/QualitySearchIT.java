package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/// The per-image search of each level's promised score, through the real pipeline and encoders.
class QualitySearchIT {
    private static final Pipeline PIPELINE = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000));

    private static ProcessOptions options(Compression level, OutputFormat format) {
        return new ProcessOptions(level, OptionalInt.empty(), format, Optional.empty(), Set.of());
    }

    /// A detailed picture (a hard one to compress): sharp grey noise over the fixture's gradients, as PNG.
    private static byte[] detailed() {
        return noisy(false);
    }

    /// Sharp noise of independent colours, more than any palette has; a JPEG, so that a PNG output is a new format.
    private static byte[] colourful() {
        try (Scope scope = Fixtures.VIPS.scope()) {
            return scope.image("pngload_buffer", Map.of("buffer", scope.blob(noisy(true))))
                    .save("jpegsave_buffer", Map.of("Q", 95));
        }
    }

    private static byte[] noisy(boolean colours) {
        try (Scope scope = Fixtures.VIPS.scope()) {
            VImage base = Fixtures.reference(scope, false).apply("resize", Map.of("scale", 2.0));
            VImage[] bands = new VImage[3];
            for (int i = 0; i < 3; i++) {
                bands[i] = i > 0 && !colours ? bands[0] : scope.image("gaussnoise", Map.of("width", base.width(),
                        "height", base.height(), "sigma", 25.0, "mean", 0.0));
            }
            VImage rgb = scope.image("bandjoin", Map.of("in", bands));
            return scope.image("add", Map.of("left", base, "right", rgb)).apply("cast", Map.of("format", "uchar"))
                    .apply("copy", Map.of("interpretation", "srgb")).save("pngsave_buffer", Map.of());
        }
    }

    /// A smooth picture (an easy one): the fixture's gradients, scaled up.
    /// Gentle ramps, red and blue across, green down, and a brighter block in the top-left third, drawn at 240×160
    /// and doubled.
    private static byte[] smooth() {
        try (Scope scope = Fixtures.VIPS.scope()) {
            VImage xy = scope.image("xyz", Map.of("width", 240, "height", 160));
            VImage x = xy.apply("extract_band", Map.of("band", 0)).apply("linear", Map.of("a", new double[] {230.0 / 240},
                    "b", new double[] {10}));
            VImage y = xy.apply("extract_band", Map.of("band", 1)).apply("linear", Map.of("a", new double[] {100.0 / 160},
                    "b", new double[] {40}));
            VImage rgb = scope.image("bandjoin", Map.of("in", new VImage[] {x, y, x}));
            VImage block = rgb.apply("linear", Map.of("a", new double[] {0.8}, "b", new double[] {50}))
                    .apply("extract_area", Map.of("left", 0, "top", 0, "width", 80, "height", 53));
            return scope.image("insert", Map.of("main", rgb, "sub", block, "x", 0, "y", 0))
                    .apply("cast", Map.of("format", "uchar")).apply("copy", Map.of("interpretation", "srgb"))
                    .apply("resize", Map.of("scale", 2.0)).save("pngsave_buffer", Map.of());
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"JPEG,MEDIUM", "JPEG,HIGH", "JPEG,ULTRA", "WEBP,MEDIUM", "WEBP,HIGH", "WEBP,ULTRA", "AVIF,HIGH",
            "PNG,ULTRA"})
    void theOutputMeetsTheLevelsFloorAsTheEngineMeasuresIt(OutputFormat format, Compression level) {
        byte[] input = smooth();
        Result result = PIPELINE.process(input, options(level, format));
        Quality quality = result.quality();
        assertThat(quality).isNotNull();
        assertThat(quality.target()).isEqualTo(EncoderSettings.goal(level).floor());
        assertThat(quality.met()).as("%s", quality).isTrue();
        assertThat(PIPELINE.similarity(input, result.bytes())).isEqualTo(quality.score());
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"JPEG", "WEBP"})
    void aDetailedPictureGetsAHigherQualityThanASmoothOneAtTheSameLevel(OutputFormat format) {
        Result hard = PIPELINE.process(detailed(), options(Compression.HIGH, format));
        Result easy = PIPELINE.process(smooth(), options(Compression.HIGH, format));
        assertThat(hard.quality().encoder()).isGreaterThan(easy.quality().encoder());
        assertThat(hard.quality().met()).as("%s", hard.quality()).isTrue();
        assertThat(easy.quality().met()).as("%s", easy.quality()).isTrue();
    }

    @Test
    void aJpegKeptAsJpegAtItsSizeIsNotSearchedAboveItsOwnQuality() {
        byte[] source;
        try (Scope scope = Fixtures.VIPS.scope()) {
            source = scope.image("pngload_buffer", Map.of("buffer", scope.blob(detailed()))).save("jpegsave_buffer", Map.of("Q", 60));
        }
        Result kept = PIPELINE.process(source, options(Compression.MEDIUM, OutputFormat.JPEG));
        // searched above 60, every candidate is larger than the source, and "never larger" hands the source back
        assertThat(kept.quality()).as("a re-encoded output, not the source handed back").isNotNull();
        assertThat(kept.bytes().length).isLessThan(source.length);
        assertThat(kept.quality().encoder()).as("%s", kept.quality()).isLessThanOrEqualTo(60);
        Result resized = PIPELINE.process(source, new ProcessOptions(Compression.MEDIUM, OptionalInt.empty(), OutputFormat.JPEG,
                Optional.of(new Resize(200, 150, ResizeMode.FIT, Gravity.CENTER, true, Color.WHITE)), Set.of()));
        assertThat(resized.quality().encoder()).as("resized: a new picture, searched over the whole range").isGreaterThan(60);
    }

    @Test
    void smallestComparesTheFormatsAtTheSameTargetAndKeepsTheSmallest() {
        byte[] input = detailed();
        Result smallest = PIPELINE.process(input, options(Compression.HIGH, OutputFormat.SMALLEST));
        assertThat(smallest.quality().target()).isEqualTo(EncoderSettings.goal(Compression.HIGH).floor());
        for (OutputFormat format : new OutputFormat[] {OutputFormat.JPEG, OutputFormat.WEBP, OutputFormat.AVIF}) {
            Result one = PIPELINE.process(input, options(Compression.HIGH, format));
            assertThat(one.quality().target()).isEqualTo(smallest.quality().target());
            assertThat(smallest.bytes().length).as("smallest against %s", format).isLessThanOrEqualTo(one.bytes().length);
        }
    }

    @Test
    void higherLevelsAimLowerAndGiveSmallerFiles() {
        byte[] input = detailed();
        Result medium = PIPELINE.process(input, options(Compression.MEDIUM, OutputFormat.JPEG));
        Result ultra = PIPELINE.process(input, options(Compression.ULTRA, OutputFormat.JPEG));
        assertThat(medium.quality().target()).isGreaterThan(ultra.quality().target());
        assertThat(medium.bytes().length).isGreaterThan(ultra.bytes().length);
        assertThat(medium.quality().score()).isGreaterThan(ultra.quality().score());
    }

    @Test
    void aPaletteThatCannotLookRightGivesWayToLosslessPng() {
        byte[] input = colourful();
        Result result = PIPELINE.process(input, options(Compression.MEDIUM, OutputFormat.PNG));
        assertThat(result.quality()).isEqualTo(new Quality(100, 1.0, EncoderSettings.goal(Compression.MEDIUM).floor()));
        assertThat(PIPELINE.similarity(input, result.bytes())).isEqualTo(1.0);
    }

    @Test
    void aPaletteUnderTheFloorIsKeptDownToAHundredthBelowItAndLosslessPngTakesOverUnderThat() {
        // a wide smooth gradient: 256 colours band it, and its best palette scores about 0.964
        byte[] banded = gradient(200);
        Result high = PIPELINE.process(banded, options(Compression.HIGH, OutputFormat.PNG));
        assertThat(high.quality().score()).as("kept under the floor of 0.97, as pngquant keeps one between min and max")
                .isLessThan(EncoderSettings.goal(Compression.HIGH).floor())
                .isGreaterThanOrEqualTo(EncoderSettings.paletteMinimum(Compression.HIGH));
        assertThat(high.bytes().length).as("a palette, not the lossless image").isLessThan(banded.length / 5);
        Result medium = PIPELINE.process(banded, options(Compression.MEDIUM, OutputFormat.PNG));
        assertThat(medium.quality()).as("under medium's minimum of 0.97")
                .isEqualTo(new Quality(100, 1.0, EncoderSettings.goal(Compression.MEDIUM).floor()));
        byte[] wider = gradient(255);
        assertThat(PIPELINE.process(wider, options(Compression.HIGH, OutputFormat.PNG)).quality())
                .as("its best palette scores about 0.947, under high's minimum of 0.96")
                .isEqualTo(new Quality(100, 1.0, EncoderSettings.goal(Compression.HIGH).floor()));
    }

    /// A 480×320 PNG whose colours run smoothly over `range` levels in each direction.
    private static byte[] gradient(int range) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(480, 320, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 480; x++) {
                double u = x / 479.0;
                double v = y / 319.0;
                int r = Math.min(255, (int) Math.round(40 + range * u * 0.8));
                int g = Math.min(255, (int) Math.round(30 + range * v * 0.7));
                int b = Math.min(255, (int) Math.round(60 + range * (1 - u) * v * 0.75));
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void losslessAndAnimationsAreNotSearched() {
        assertThat(PIPELINE.process(smooth(), options(Compression.LOSSLESS, OutputFormat.WEBP)).quality()).isNull();
        assertThat(PIPELINE.process(Fixtures.animated(ImageFormat.GIF), options(Compression.HIGH, OutputFormat.WEBP))
                .quality()).isNull();
    }

    @Test
    void whenTheSearchTimeIsUpTheLevelsUsualQualityIsKept() {
        Pipeline noTime = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000, java.time.Duration.ZERO,
                Limits.DEFAULT_PROCESSING_TIME));
        byte[] input = detailed();
        Result rushed = noTime.process(input, options(Compression.HIGH, OutputFormat.JPEG));
        Result searched = PIPELINE.process(input, options(Compression.HIGH, OutputFormat.JPEG));
        int usual = EncoderSettings.range(ImageFormat.JPEG, Compression.HIGH).start();
        assertThat(rushed.quality().encoder()).isEqualTo(usual);
        assertThat(rushed.quality().score()).isEqualTo(PIPELINE.similarity(input, rushed.bytes()));
        assertThat(searched.quality().encoder()).isNotEqualTo(usual);
    }
}
