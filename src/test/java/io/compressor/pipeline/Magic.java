package io.compressor.pipeline;

import java.nio.charset.StandardCharsets;

/// The format of encoded bytes by their magic numbers, independent of libvips.
final class Magic {
    private Magic() {}

    static ImageFormat of(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 16), StandardCharsets.ISO_8859_1);
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return ImageFormat.JPEG;
        }
        if (head.startsWith("\u0089PNG\r\n\u001a\n")) {
            return ImageFormat.PNG;
        }
        if (head.startsWith("RIFF") && head.startsWith("WEBP", 8)) {
            return ImageFormat.WEBP;
        }
        if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
            return ImageFormat.GIF;
        }
        if (head.startsWith("ftyp", 4) && (head.startsWith("avif", 8) || head.startsWith("avis", 8))) {
            return ImageFormat.AVIF;
        }
        throw new AssertionError("unknown magic: " + head);
    }
}
