package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Which formats an image is encoded to, by what was asked and what came in: `auto` keeps a web format and turns the
/// others into JPEG (PNG when there is transparency); `smallest` tries the base format, WebP and AVIF (for an
/// animation, the formats that animate); a named format is that format.
class FormatsTest {
    @ParameterizedTest(name = "{0} for {1} (alpha {2}, frames {3}) -> {4}")
    @CsvSource({
        "AUTO,     JPEG, false, 1, JPEG",
        "AUTO,     PNG,  true,  1, PNG",
        "AUTO,     WEBP, true,  1, WEBP",
        "AUTO,     AVIF, false, 1, AVIF",
        "AUTO,     GIF,  false, 3, GIF",
        "AUTO,     HEIC, false, 1, JPEG",
        "AUTO,     TIFF, true,  1, PNG",
        "AUTO,     BMP,  false, 1, JPEG",
        "AUTO,     SVG,  true,  1, PNG",
        "AUTO,     ICO,  true,  1, PNG",
        "SMALLEST, JPEG, false, 1, JPEG WEBP AVIF",
        "SMALLEST, PNG,  true,  1, PNG WEBP AVIF",
        "SMALLEST, TIFF, false, 1, JPEG WEBP AVIF",
        "SMALLEST, GIF,  false, 3, GIF WEBP",
        "SMALLEST, WEBP, true,  3, WEBP",
        "SMALLEST, GIF,  false, 1, JPEG WEBP AVIF",
        "JPEG,     PNG,  true,  1, JPEG",
        "PNG,      JPEG, false, 1, PNG",
        "WEBP,     GIF,  false, 3, WEBP",
        "AVIF,     HEIC, false, 1, AVIF",
        "GIF,      PNG,  true,  1, GIF",
    })
    void candidates(OutputFormat requested, ImageFormat input, boolean alpha, int frames, String expected) {
        ImageInfo info = new ImageInfo(input, "loader", 10, 10, frames, alpha, false, 1, false, 8, Set.of());
        List<ImageFormat> formats = Arrays.stream(expected.split(" ")).map(ImageFormat::valueOf).toList();
        assertThat(Formats.candidates(requested, info)).containsExactlyElementsOf(formats);
    }
}
