package io.compressor.pipeline;

/// What metadata a client may keep; everything else is stripped. `ALL` keeps everything.
public enum MetadataKind {
    ICC, EXIF, XMP, IPTC, COPYRIGHT, GEO, DATE, ALL
}
