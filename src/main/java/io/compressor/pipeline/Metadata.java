package io.compressor.pipeline;

import io.compressor.vips.VImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// Keeps what the client listed and removes the rest from the image's fields; with no list, savers are
/// also told to strip. The copyright, geo and date groups keep only their EXIF tags.
final class Metadata {
    private static final List<String> COPYRIGHT = List.of("exif-ifd0-Copyright", "exif-ifd0-Artist");
    private static final List<String> DATE = List.of("exif-ifd0-DateTime", "exif-ifd2-DateTimeOriginal",
            "exif-ifd2-DateTimeDigitized", "exif-ifd2-OffsetTime", "exif-ifd2-OffsetTimeOriginal",
            "exif-ifd2-OffsetTimeDigitized", "exif-ifd2-SubSecTime", "exif-ifd2-SubSecTimeOriginal",
            "exif-ifd2-SubSecTimeDigitized");
    private static final String GEO_PREFIX = "exif-ifd3-";
    /// The header fields that are metadata: blocks a client may keep, and comments, which none keeps.
    static final Set<String> FIELDS = Set.of("icc-profile-data", "exif-data", "xmp-data", "iptc-data", "gif-comment");

    private Metadata() {}

    /// What a saver is told to write: `keep` with exactly the blocks kept where the build takes it (`Codecs.keep`), else
    /// `strip` when nothing is kept (then the blocks are removed after encoding where a format allows, `stripOutput`).
    static Map<String, Object> saverOptions(ProcessOptions options, Codecs codecs) {
        if (!codecs.keep()) {
            return Map.of("strip", options.metadata().isEmpty());
        }
        if (options.keeps(MetadataKind.ALL)) {
            return Map.of("keep", "all");
        }
        Kept kept = Kept.output(options);
        List<String> nicks = new java.util.ArrayList<>();
        if (kept.icc()) {
            nicks.add("icc");
        }
        if (kept.exif()) {
            nicks.add("exif");
        }
        if (kept.xmp()) {
            nicks.add("xmp");
        }
        if (kept.iptc()) {
            nicks.add("iptc");
        }
        return Map.of("keep", nicks.isEmpty() ? "none" : String.join(":", nicks));
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

    /// Which `FIELDS` (and PNG comments) the header of an input has.
    static Set<String> present(VImage header) {
        return Set.copyOf(header.fields().stream().filter(f -> FIELDS.contains(f) || f.startsWith("png-comment-")).toList());
    }

    /// An encoded output without the blocks `options` does not keep, which savers write whatever `strip` says:
    /// libvips 8.14's webpsave its ICC and EXIF, pngsave its text chunks, any saver the comments it read.
    static byte[] stripOutput(byte[] encoded, ImageFormat format, ProcessOptions options) {
        if (options.keeps(MetadataKind.ALL)) {
            return encoded;
        }
        Kept kept = Kept.output(options);
        return switch (format) {
            case JPEG -> JpegSegments.strip(encoded, kept).orElse(encoded);
            case PNG -> PngChunks.strip(encoded, kept).orElse(encoded);
            case GIF -> GifBlocks.strip(encoded, kept).orElse(encoded);
            case WEBP -> WebpChunks.strip(encoded, kept);
            default -> encoded;
        };
    }

    /// The input as it may leave the service when it is returned instead of an encoded output: without what `options`
    /// does not keep, removed block by block without decoding. Empty when that cannot be done: the colours depend on
    /// an ICC profile that is not kept, the orientation lives in EXIF that is not kept, only some EXIF tags are kept,
    /// or the format has no block-level stripper here (AVIF) and carries something not kept.
    static Optional<byte[]> strippedInput(byte[] input, ImageInfo info, ProcessOptions options) {
        if (options.keeps(MetadataKind.ALL)) {
            return Optional.of(input);
        }
        boolean exif = options.keeps(MetadataKind.EXIF);
        if (info.icc() && !options.keeps(MetadataKind.ICC) || info.orientation() > 1 && !exif
                || someExif(options) && !exif && info.metadata().contains("exif-data")) {
            return Optional.empty();
        }
        Kept kept = Kept.input(options);
        return switch (info.format()) {
            case JPEG -> JpegSegments.strip(input, kept);
            case PNG -> PngChunks.strip(input, kept);
            case GIF -> GifBlocks.strip(input, kept);
            case WEBP -> Optional.of(WebpChunks.strip(input, kept));
            default -> info.metadata().stream().allMatch(field -> keeps(field, kept)) ? Optional.of(input) : Optional.empty();
        };
    }

    private static boolean keeps(String field, Kept kept) {
        return switch (field) {
            case "icc-profile-data" -> kept.icc();
            case "exif-data" -> kept.exif();
            case "xmp-data" -> kept.xmp();
            case "iptc-data" -> kept.iptc();
            default -> false;
        };
    }

    static boolean someExif(ProcessOptions options) {
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
