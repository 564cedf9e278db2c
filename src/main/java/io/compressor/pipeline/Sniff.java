package io.compressor.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/// Recognises an input by its magic bytes, before libvips sees it, so that we, not libvips' loader
/// priorities, decide which loader parses it: ImageMagick (BMP, ICO) is handed only BMP and ICO.
final class Sniff {
    private Sniff() {}

    static Optional<ImageFormat> format(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1);
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (head.startsWith("\u0089PNG\r\n\u001a\n")) {
            return Optional.of(ImageFormat.PNG);
        }
        if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
            return Optional.of(ImageFormat.GIF);
        }
        if (head.startsWith("RIFF") && head.startsWith("WEBP", 8)) {
            return Optional.of(ImageFormat.WEBP);
        }
        if (head.startsWith("ftyp", 4)) {
            return heif(head);
        }
        if (head.startsWith("II*\u0000") || head.startsWith("MM\u0000*")) {
            return Optional.of(ImageFormat.TIFF);
        }
        if (b.length >= 26 && head.startsWith("BM")) {
            return Optional.of(ImageFormat.BMP);
        }
        if (b.length >= 22 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0 && (b[4] != 0 || b[5] != 0)) {
            return Optional.of(ImageFormat.ICO);
        }
        return svg(b);
    }

    /// HEIF files name their brands in the `ftyp` box; AVIF is AV1 in HEIF.
    private static Optional<ImageFormat> heif(String head) {
        int boxSize = Math.min(head.length(), ((head.charAt(0) << 24) | (head.charAt(1) << 16) | (head.charAt(2) << 8) | head.charAt(3)));
        String brands = head.substring(8, Math.max(8, boxSize));
        if (brands.contains("avif") || brands.contains("avis")) {
            return Optional.of(ImageFormat.AVIF);
        }
        for (String brand : new String[] {"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"}) {
            if (brands.contains(brand)) {
                return Optional.of(ImageFormat.HEIC);
            }
        }
        return Optional.empty();
    }

    /// XML text whose first element is `<svg`, allowing a BOM, an XML declaration, comments and a doctype, with an
    /// internal subset too (`<!DOCTYPE svg … [ <!ENTITY …> ]>`, as Adobe Illustrator writes its namespaces). One
    /// forward scan over the first 4 KB: client bytes never meet a backtracking pattern.
    private static Optional<ImageFormat> svg(byte[] b) {
        String text = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8);
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i >= 0 && i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.startsWith("<?xml", i)) {
                i = after(text, "?>", i + 5);
            } else if (text.startsWith("<!--", i)) {
                i = after(text, "-->", i + 4);
            } else if (text.startsWith("<!DOCTYPE", i)) {
                i = afterDoctype(text, i + 9);
            } else {
                return text.startsWith("<svg", i) ? Optional.of(ImageFormat.SVG) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /// The index just past the next `end` from `from`, or -1 when there is none.
    private static int after(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    /// The index just past a doctype's closing `>`, skipping an internal subset in `[…]`; -1 when it does not close.
    private static int afterDoctype(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c == '[') {
                for (int close = text.indexOf(']', i); close >= 0; close = text.indexOf(']', close + 1)) {
                    int j = close + 1;
                    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                        j++;
                    }
                    if (j < text.length() && text.charAt(j) == '>') {
                        return j + 1;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    /// The libvips loader for a sniffed format.
    static String loader(ImageFormat format) {
        return switch (format) {
            case JPEG -> "jpegload_buffer";
            case PNG -> "pngload_buffer";
            case GIF -> "gifload_buffer";
            case WEBP -> "webpload_buffer";
            case AVIF, HEIC -> "heifload_buffer";
            case TIFF -> "tiffload_buffer";
            case SVG -> "svgload_buffer";
            case BMP, ICO -> "magickload_buffer";
        };
    }
}
