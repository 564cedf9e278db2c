package io.compressor.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/// Removes metadata blocks from a GIF without touching its frames: comments, plain text and application extensions
/// go, except the loop count (`NETSCAPE2.0`, `ANIMEXTS1.0`), the ICC profile (`ICCRGBG1012`) and XMP
/// (`XMP DataXMP`) when `Kept` names them.
final class GifBlocks {
    private GifBlocks() {}

    /// The GIF without what `kept` does not name, or empty when it is not a GIF whose blocks this can follow.
    static Optional<byte[]> strip(byte[] gif, Kept kept) {
        if (gif.length < 13 || !new String(gif, 0, 6, StandardCharsets.ISO_8859_1).matches("GIF8[79]a")) {
            return Optional.empty();
        }
        int at = 13 + colourTable(gif[10]);
        if (at > gif.length) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(gif.length);
        out.write(gif, 0, at);
        while (at < gif.length) {
            int start = at;
            int introducer = gif[at] & 0xff;
            if (introducer == 0x3b) {
                out.write(0x3b);
                return Optional.of(out.toByteArray());
            }
            boolean keep = true;
            if (introducer == 0x21 && at + 1 < gif.length) {
                int label = gif[at + 1] & 0xff;
                keep = label == 0xf9 || label == 0xff && keepsApplication(gif, at + 2, kept);
                at += 2;
            } else if (introducer == 0x2c && at + 10 < gif.length) {
                at += 10 + colourTable(gif[at + 9]) + 1; // descriptor, local colour table, LZW code size
            } else {
                return Optional.empty();
            }
            at = afterSubBlocks(gif, at);
            if (at < 0) {
                return Optional.empty();
            }
            if (keep) {
                out.write(gif, start, at - start);
            }
        }
        return Optional.empty();
    }

    private static int colourTable(byte flags) {
        return (flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1);
    }

    /// The index after a chain of data sub-blocks and its zero terminator; -1 when the chain runs past the end.
    private static int afterSubBlocks(byte[] gif, int from) {
        int at = from;
        while (at < gif.length) {
            int size = gif[at] & 0xff;
            at += 1 + size;
            if (size == 0) {
                return at;
            }
        }
        return -1;
    }

    private static boolean keepsApplication(byte[] gif, int at, Kept kept) {
        if (at + 12 > gif.length || (gif[at] & 0xff) != 11) {
            return false;
        }
        String id = new String(gif, at + 1, 11, StandardCharsets.ISO_8859_1);
        return switch (id) {
            case "NETSCAPE2.0", "ANIMEXTS1.0" -> true;
            case "ICCRGBG1012" -> kept.icc();
            case "XMP DataXMP" -> kept.xmp();
            default -> false;
        };
    }
}
