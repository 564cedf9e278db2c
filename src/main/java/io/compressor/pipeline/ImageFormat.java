package io.compressor.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// The formats the service reads. The first five it also writes; the rest browsers cannot show,
/// so `format: auto` turns them into JPEG (or PNG with alpha).
public enum ImageFormat {
    JPEG("image/jpeg", true, "jpg", "jpeg", "jpe", "jfif"),
    PNG("image/png", true, "png"),
    WEBP("image/webp", true, "webp"),
    AVIF("image/avif", true, "avif"),
    GIF("image/gif", true, "gif"),
    HEIC("image/heic", false, "heic", "heif"),
    TIFF("image/tiff", false, "tiff", "tif"),
    BMP("image/bmp", false, "bmp"),
    SVG("image/svg+xml", false, "svg"),
    ICO("image/vnd.microsoft.icon", false, "ico");

    private final String mime;
    private final boolean web;
    /// The file name extensions it goes by, the one it is written with first.
    private final List<String> extensions;

    ImageFormat(String mime, boolean web, String... extensions) {
        this.mime = mime;
        this.web = web;
        this.extensions = List.of(extensions);
    }

    /// The format a file name's extension names (`photo.JPEG` → JPEG), in any case; empty for any other name.
    public static Optional<ImageFormat> named(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return Arrays.stream(values()).filter(f -> f.extensions.contains(extension)).findFirst();
    }

    /// `fileName` as a file of this format is named: kept when its extension names this format (`photo.JPEG`), with
    /// this format's extension in place of another format's (`photo.png` → `photo.webp`), and added to any other
    /// name (`photo` → `photo.webp`, `v1.2` → `v1.2.webp`), so that a name never says another format than its bytes.
    public String fileName(String fileName) {
        Optional<ImageFormat> named = named(fileName);
        if (named.isPresent() && named.get() == this) {
            return fileName;
        }
        String base = named.isPresent() ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return base + "." + extension();
    }

    public String mime() {
        return mime;
    }

    public String extension() {
        return extensions.getFirst();
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
