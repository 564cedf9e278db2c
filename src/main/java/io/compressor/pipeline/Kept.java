package io.compressor.pipeline;

/// Which whole metadata blocks a file may keep, as a container-level stripper sees them: the ICC profile, the EXIF
/// block, XMP and IPTC. Anything else (comments, text chunks, maker blocks, trailers) is removed.
record Kept(boolean icc, boolean exif, boolean xmp, boolean iptc) {
    static final Kept NOTHING = new Kept(false, false, false, false);

    /// What an encoded output keeps: the EXIF block whole or in part (libvips rebuilt it from the kept tags).
    static Kept output(ProcessOptions options) {
        return new Kept(options.keeps(MetadataKind.ICC), options.keeps(MetadataKind.EXIF) || Metadata.someExif(options),
                options.keeps(MetadataKind.XMP), options.keeps(MetadataKind.IPTC));
    }

    /// What an input returned as it is may keep: only whole blocks, since a block is kept or removed without decoding.
    static Kept input(ProcessOptions options) {
        return new Kept(options.keeps(MetadataKind.ICC), options.keeps(MetadataKind.EXIF), options.keeps(MetadataKind.XMP),
                options.keeps(MetadataKind.IPTC));
    }
}
