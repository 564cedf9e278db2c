package io.compressor.vips;

import io.compressor.error.ErrorCode;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Locale;

/// Reads libvips' process-wide error buffer (copy and clear in one call) and classifies the text.
/// An unknown format is `unsupported_format`. A failing load is `corrupt_image` (our load options are
/// valid, so the data is not); so is any later failure whose text comes from a loader or describes
/// damaged data, since libvips decodes lazily and reports truncation when the pixels are read. The
/// rest is `internal`.
final class VipsErrors {
    private static final List<String> UNSUPPORTED = List.of("is not in a known format", "not a known file format",
            "is not a known", "unsupported image format", "no known loader",
            "operation is blocked");
    private static final List<String> CORRUPT = List.of("load:", "load_buffer:", "load_source:", "premature end",
            "truncated", "corrupt", "damaged", "read error", "not enough data", "unexpected end", "vipsjpeg",
            "png2vips", "vipspng", "libspng", "tiff2vips", "crc error", "decode");

    private VipsErrors() {}

    static VipsException of(String operation, Native n) {
        String text = take(n);
        return classify(operation, text);
    }

    static VipsException classify(String operation, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (UNSUPPORTED.stream().anyMatch(lower::contains)) {
            return new VipsException(ErrorCode.UNSUPPORTED_FORMAT, "The file is not an image in a supported format"
                    + " (JPEG, PNG, WebP, AVIF, HEIC, GIF, TIFF, BMP, SVG, ICO).", text);
        }
        boolean loading = operation.contains("load") || operation.startsWith("thumbnail");
        if (loading || CORRUPT.stream().anyMatch(lower::contains)) {
            return new VipsException(ErrorCode.CORRUPT_IMAGE, "The image data is damaged or truncated and cannot be"
                    + " decoded; send the complete file.", text);
        }
        return new VipsException(ErrorCode.INTERNAL, "Image processing failed in " + operation + ".", text);
    }

    private static String take(Native n) {
        try {
            MemorySegment copy = (MemorySegment) n.vips_error_buffer_copy.invoke();
            String text = GValues.string(copy);
            n.g_free.invoke(copy);
            return text == null || text.isBlank() ? "(libvips gave no message)" : text.strip();
        } catch (Throwable e) {
            return "(libvips error buffer unreadable: " + e + ")";
        }
    }
}
