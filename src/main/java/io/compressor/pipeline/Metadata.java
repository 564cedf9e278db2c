package io.compressor.pipeline;

import io.compressor.vips.VImage;
import java.util.List;

/// Keeps what the client listed and removes the rest from the image's fields; with no list, savers are
/// also told to strip. The copyright, geo and date groups keep only their EXIF tags.
final class Metadata {
    private static final List<String> COPYRIGHT = List.of("exif-ifd0-Copyright", "exif-ifd0-Artist");
    private static final List<String> DATE = List.of("exif-ifd0-DateTime", "exif-ifd2-DateTimeOriginal",
            "exif-ifd2-DateTimeDigitized", "exif-ifd2-OffsetTime", "exif-ifd2-OffsetTimeOriginal",
            "exif-ifd2-OffsetTimeDigitized", "exif-ifd2-SubSecTime", "exif-ifd2-SubSecTimeOriginal",
            "exif-ifd2-SubSecTimeDigitized");
    private static final String GEO_PREFIX = "exif-ifd3-";

    private Metadata() {}

    /// True when the saver may strip everything.
    static boolean stripAll(ProcessOptions options) {
        return options.metadata().isEmpty();
    }

    static VImage keepListed(VImage image, ProcessOptions options) {
        VImage kept = image;
        kept = dropUnless(kept, options.keeps(MetadataKind.ICC), "icc-profile-data");
        kept = dropUnless(kept, options.keeps(MetadataKind.XMP), "xmp-data");
        kept = dropUnless(kept, options.keeps(MetadataKind.IPTC), "iptc-data");
        if (options.keeps(MetadataKind.EXIF)) {
            return kept;
        }
        kept = dropUnless(kept, someExif(options), "exif-data");
        for (String field : kept.fields()) {
            if (field.startsWith("exif-") && !field.equals("exif-data") && !inKeptGroup(field, options)) {
                kept = kept.withHeader(field, null);
            }
        }
        return kept;
    }

    /// WebP needs its metadata removed after encoding (see `WebpChunks`).
    static byte[] stripWebp(byte[] webp, ProcessOptions options) {
        return WebpChunks.strip(webp, options.keeps(MetadataKind.ICC), options.keeps(MetadataKind.EXIF) || someExif(options),
                options.keeps(MetadataKind.XMP));
    }

    private static boolean someExif(ProcessOptions options) {
        return options.keeps(MetadataKind.COPYRIGHT) || options.keeps(MetadataKind.GEO) || options.keeps(MetadataKind.DATE);
    }

    private static boolean inKeptGroup(String field, ProcessOptions options) {
        return options.keeps(MetadataKind.COPYRIGHT) && COPYRIGHT.contains(field)
                || options.keeps(MetadataKind.DATE) && DATE.contains(field)
                || options.keeps(MetadataKind.GEO) && field.startsWith(GEO_PREFIX);
    }

    private static VImage dropUnless(VImage image, boolean keep, String field) {
        return keep || image.header(field).isEmpty() ? image : image.withHeader(field, null);
    }
}
