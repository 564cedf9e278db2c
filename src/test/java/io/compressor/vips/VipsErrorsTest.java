package io.compressor.vips;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// What a libvips failure means for the client, from the operation and libvips' text: an unknown or blocked format is
/// `unsupported_format`; any failing load, and any later failure that reads as damaged data (libvips decodes lazily),
/// is `corrupt_image`; the rest is ours, `internal`. The public message never carries libvips' text. A saver's own
/// complaint in libjpeg's voice ("VipsJpeg: …") reads as damaged data too: libjpeg decodes the input lazily during the
/// save and reports its many kinds of bad data in that voice, so a truncated JPEG must not become `internal`.
class VipsErrorsTest {
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "thumbnail_buffer  | VipsForeignLoad: buffer is not in a known format            | UNSUPPORTED_FORMAT",
        "jpegload          | \"a.jpg\" is not a known file format                          | UNSUPPORTED_FORMAT",
        "magickload_buffer | operation is blocked                                        | UNSUPPORTED_FORMAT",
        "jpegload_buffer   | VipsJpeg: Premature end of JPEG file                        | CORRUPT_IMAGE",
        "pngload_buffer    | something libvips never said                                | CORRUPT_IMAGE",
        "thumbnail_buffer  | out of order read                                           | CORRUPT_IMAGE",
        "resize            | vipspng: libpng read error                                  | CORRUPT_IMAGE",
        "copy_memory       | VipsJpeg: Corrupt JPEG data: 12 extraneous bytes            | CORRUPT_IMAGE",
        "jpegsave_buffer   | webpload_buffer: unable to decode                           | CORRUPT_IMAGE",
        "resize            | vips_resize: bad parameter                                  | INTERNAL",
        "write_to_memory   | (libvips gave no message)                                   | INTERNAL",
    })
    void classifies(String operation, String text, ErrorCode expected) {
        VipsException e = VipsErrors.classify(operation, text);
        assertThat(e.errorCode()).isEqualTo(expected);
        assertThat(e.detail()).isEqualTo(text);
        assertThat(e.getMessage()).doesNotContain(text);
    }
}
