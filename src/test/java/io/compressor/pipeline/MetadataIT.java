package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.vips.Scope;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/// What a client did not keep never leaves the engine: not when the input is returned because re-encoding would have
/// made it larger, and not in the chunks a saver writes whenever it is not told to strip.
class MetadataIT {
    private static final Pipeline PIPELINE = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000));

    private static ProcessOptions options(Compression level, MetadataKind... keep) {
        return new ProcessOptions(level, OptionalInt.empty(), OutputFormat.AUTO, Optional.empty(), Set.of(keep));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /// `jpeg` with a comment and a maker's APP9 segment inserted after its start marker.
    private static byte[] withComments(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int marker : new int[] {0xfe, 0xe9}) {
            byte[] body = ("shot at home " + marker).getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes(new byte[] {(byte) 0xff, (byte) marker, 0, (byte) (body.length + 2)});
            out.writeBytes(body);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /// A JPEG that re-encoding cannot make smaller (quality 20 with mozjpeg's tools), tagged with a camera, a
    /// copyright, a comment and a maker segment.
    private static byte[] tightTaggedJpeg() {
        try (Scope scope = Fixtures.ENGINE.getFirst().scope()) {
            return withComments(Fixtures.reference(scope, false).withHeader("exif-ifd0-Make", "CameraCo")
                    .withHeader("exif-ifd0-Copyright", "ACME Photo")
                    .save("jpegsave_buffer", Map.of("Q", 20, "strip", false, "optimize_coding", true, "interlace", true,
                            "trellis_quant", true, "optimize_scans", true, "quant_table", 3)));
        }
    }

    @Test
    void aJpegReturnedBecauseItWasSmallestLosesWhatWasNotKept() {
        byte[] input = tightTaggedJpeg();
        assertThat(text(input)).contains("CameraCo", "ACME Photo", "shot at home");
        for (Compression level : Compression.values()) {
            Result result = PIPELINE.process(input, options(level));
            assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
            assertThat(result.bytes().length).as(level + ": never larger").isLessThan(input.length);
            assertThat(text(result.bytes())).as(level.name()).doesNotContain("CameraCo", "ACME Photo", "shot at home", "Exif");
        }
        Result exif = PIPELINE.process(input, options(Compression.HIGH, MetadataKind.EXIF));
        assertThat(exif.unchanged()).as("returned, not re-encoded").isFalse();
        assertThat(text(exif.bytes())).contains("CameraCo", "ACME Photo").doesNotContain("shot at home");
        assertThat(exif.bytes().length).isLessThan(input.length);
    }

    @Test
    void anInputWithNothingToRemoveIsReturnedByteForByte() {
        byte[] input;
        try (Scope scope = Fixtures.ENGINE.getFirst().scope()) {
            input = Fixtures.reference(scope, false).save("jpegsave_buffer", Map.of("Q", 20, "strip", true,
                    "optimize_coding", true, "interlace", true, "trellis_quant", true, "optimize_scans", true, "quant_table", 3));
        }
        Result result = PIPELINE.process(input, options(Compression.HIGH));
        assertThat(result.unchanged()).isTrue();
        assertThat(result.bytes()).isEqualTo(input);
    }

    @Test
    void anAvifReturnedWhenLosslessWouldBeLargerCarriesNoExif() {
        byte[] avif;
        try (Scope scope = Fixtures.VIPS.scope()) {
            avif = Fixtures.reference(scope, false).withHeader("exif-ifd0-Make", "CameraCo")
                    .save("heifsave_buffer", Map.of("compression", "av1", "Q", 40, "effort", 0, "strip", false));
        }
        assertThat(text(avif)).contains("CameraCo");
        for (Compression level : new Compression[] {Compression.LOSSLESS, Compression.HIGH}) {
            byte[] out = PIPELINE.process(avif, options(level)).bytes();
            assertThat(text(out)).as(level.name()).doesNotContain("CameraCo");
        }
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        long c = crc.getValue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (data.length >> 24), (byte) (data.length >> 16), (byte) (data.length >> 8),
                (byte) data.length});
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes(new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
        return out.toByteArray();
    }

    @Test
    void pngTextChunksAreRemovedWhateverElseIsKept() {
        byte[] png;
        try (Scope scope = Fixtures.VIPS.scope()) {
            png = Fixtures.reference(scope, false).apply("resize", Map.of("scale", 0.1)).save("pngsave_buffer", Map.of());
        }
        byte[] comment = chunk("tEXt", ("Comment\0" + "secret ".repeat(300_000)).getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature and IHDR
        out.writeBytes(comment);
        out.write(png, 33, png.length - 33);
        byte[] input = out.toByteArray();
        for (MetadataKind[] keep : new MetadataKind[][] {{}, {MetadataKind.ICC}, {MetadataKind.COPYRIGHT}, {MetadataKind.XMP}}) {
            for (Compression level : new Compression[] {Compression.HIGH, Compression.LOSSLESS}) {
                byte[] result = PIPELINE.process(input, options(level, keep)).bytes();
                assertThat(result.length).as(level + " " + Set.of(keep)).isLessThan(100_000);
                assertThat(text(result)).doesNotContain("secret");
            }
        }
    }

    @Test
    void listingSomethingElseKeepsNoExifInAnyOutputFormat() {
        byte[] tagged;
        try (Scope scope = Fixtures.VIPS.scope()) {
            tagged = Fixtures.reference(scope, false).withHeader("exif-ifd0-Make", "CameraCo")
                    .save("jpegsave_buffer", Map.of("Q", 90, "strip", false));
        }
        for (OutputFormat format : new OutputFormat[] {OutputFormat.JPEG, OutputFormat.PNG, OutputFormat.WEBP, OutputFormat.AVIF}) {
            byte[] out = PIPELINE.process(tagged, new ProcessOptions(Compression.HIGH, OptionalInt.empty(), format,
                    Optional.empty(), Set.of(MetadataKind.ICC))).bytes();
            ImageFormat written = Sniff.format(out).orElseThrow();
            try (Scope scope = Fixtures.VIPS.scope()) {
                assertThat(scope.image(Sniff.loader(written), Map.of("buffer", out)).fields()).as(format.name())
                        .doesNotContain("exif-data", "xmp-data", "iptc-data");
            }
            assertThat(text(out)).as(format.name()).doesNotContain("CameraCo");
        }
    }
}
