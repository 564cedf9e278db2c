package io.compressor.pipeline;

import java.util.Locale;

/// The formats the service reads. The first five it also writes; the rest browsers cannot show,
/// so `format: auto` turns them into JPEG (or PNG with alpha).
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    WEBP("image/webp", "webp", true),
    AVIF("image/avif", "avif", true),
    GIF("image/gif", "gif", true),
    HEIC("image/heic", "heic", false),
    TIFF("image/tiff", "tiff", false),
    BMP("image/bmp", "bmp", false),
    SVG("image/svg+xml", "svg", false),
    ICO("image/vnd.microsoft.icon", "ico", false);

    private final String mime;
    private final String extension;
    private final boolean web;

    ImageFormat(String mime, String extension, boolean web) {
        this.mime = mime;
        this.extension = extension;
        this.web = web;
    }

    public String mime() {
        return mime;
    }

    public String extension() {
        return extension;
    }

    /// True when browsers show it and the service can write it.
    public boolean web() {
        return web;
    }

    /// Whether the format can hold several frames that play as an animation.
    public boolean animates() {
        return this == GIF || this == WEBP;
    }

    /// The wire name: `jpeg`, `png`, ...
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
