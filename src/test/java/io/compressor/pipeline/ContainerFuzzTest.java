package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The parsers that read a client's file before libvips does, over mutated files: sniffing, the SVG scan, the JPEG
/// quality estimate and the metadata strippers. None may throw; an estimated quality is 1 to 100; a stripper only removes bytes, and stripping what it stripped changes nothing.
class ContainerFuzzTest {
    private static final List<byte[]> SEEDS = List.of(MetadataBlocksTest.jpeg(), JpegQualityTest.jdkJpeg(75),
            MetadataBlocksTest.png(),
            MetadataBlocksTest.gif(), MetadataBlocksTest.webp(),
            "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY a 'b'>]><!-- c --><svg filter='x'/>".getBytes(StandardCharsets.UTF_8),
            new byte[] {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0},
            "BM\0\0\0\0\0\0\0\0\66\0\0\0(\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
            "\0\0\0\34ftypavif\0\0\0\0avifmif1miaf".getBytes(StandardCharsets.ISO_8859_1));
    private static final Kept[] KEPT = {Kept.NOTHING, new Kept(true, false, false, false), new Kept(true, true, true, true)};

    @Test
    void sniffingTheSvgScanAndTheJpegQualityNeverThrow() {
        int runs = Fuzz.run("sniff", SEEDS, Duration.ofSeconds(4), 200_000, input -> {
            Sniff.format(input);
            SvgText.usesFilters(input);
            JpegQuality.estimate(input).ifPresent(q -> assertThat(q).isBetween(1, 100));
        });
        assertThat(runs).isGreaterThan(SEEDS.size());
    }

    @Test
    void strippersOnlyRemoveBytesAndAreIdempotent() {
        int runs = Fuzz.run("strip", SEEDS, Duration.ofSeconds(6), 200_000, input -> {
            for (Kept kept : KEPT) {
                check(input, JpegSegments.strip(input, kept).orElse(input), once -> JpegSegments.strip(once, kept).orElseThrow());
                check(input, PngChunks.strip(input, kept).orElse(input), once -> PngChunks.strip(once, kept).orElseThrow());
                check(input, GifBlocks.strip(input, kept).orElse(input), once -> GifBlocks.strip(once, kept).orElseThrow());
                check(input, WebpChunks.strip(input, kept),
                        once -> WebpChunks.strip(once, kept));
            }
        });
        assertThat(runs).isGreaterThan(SEEDS.size());
    }

    private static void check(byte[] input, byte[] stripped, java.util.function.UnaryOperator<byte[]> again) {
        assertThat(stripped.length).isLessThanOrEqualTo(input.length);
        if (stripped != input) {
            assertThat(again.apply(stripped)).as("stripped twice").isEqualTo(stripped);
        }
    }
}
