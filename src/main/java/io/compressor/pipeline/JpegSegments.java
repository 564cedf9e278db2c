package io.compressor.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/// Removes metadata segments from a JPEG without touching its compressed data: APPn and COM segments go unless
/// `Kept` names them (EXIF and XMP in APP1, ICC in APP2, IPTC in APP13); JFIF (APP0) and Adobe (APP14), which say
/// how to decode the colours, stay; anything after the end of the image (maker trailers, MPF pictures) goes.
final class JpegSegments {
    private JpegSegments() {}

    /// The JPEG without what `kept` does not name, or empty when it is not a JPEG this scan can follow.
    static Optional<byte[]> strip(byte[] jpeg, Kept kept) {
        if (!startsAsJpeg(jpeg)) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int at = 2;
        while (at + 1 < jpeg.length) {
            if ((jpeg[at] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = jpeg[at + 1] & 0xff;
            if (marker == 0xff) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xd9) {
                out.write(jpeg, at, 2);
                return Optional.of(out.toByteArray());
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                out.write(jpeg, at, 2); // TEM and restart markers carry no length
                at += 2;
                continue;
            }
            int end = segmentEnd(jpeg, at);
            if (end < 0) {
                return Optional.empty();
            }
            if (keeps(jpeg, at, marker, kept)) {
                out.write(jpeg, at, end - at);
            }
            at = end;
            if (marker == 0xda) {
                int scanEnd = entropyEnd(jpeg, at);
                out.write(jpeg, at, scanEnd - at);
                at = scanEnd;
            }
        }
        return Optional.empty();
    }

    /// Whether the bytes open with a JPEG's start-of-image marker and hold at least one more marker's worth.
    static boolean startsAsJpeg(byte[] jpeg) {
        return jpeg.length >= 4 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8;
    }

    /// Where the segment whose marker is at `at` ends, by the length it declares; -1 when that length is shorter than
    /// the length field itself or runs past the bytes.
    static int segmentEnd(byte[] jpeg, int at) {
        if (at + 4 > jpeg.length) {
            return -1;
        }
        int end = at + 2 + (((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff));
        return end < at + 4 || end > jpeg.length ? -1 : end;
    }

    /// Where the entropy-coded data after a scan header ends: at the first marker that is not a stuffed zero or a
    /// restart.
    private static int entropyEnd(byte[] jpeg, int from) {
        int i = from;
        while (i + 1 < jpeg.length) {
            int next = jpeg[i + 1] & 0xff;
            if ((jpeg[i] & 0xff) == 0xff && next != 0x00 && !(next >= 0xd0 && next <= 0xd7) && next != 0xff) {
                return i;
            }
            i++;
        }
        return jpeg.length;
    }

    private static boolean keeps(byte[] jpeg, int at, int marker, Kept kept) {
        if (marker == 0xfe) {
            return false; // COM
        }
        if (marker < 0xe0 || marker > 0xef) {
            return true; // tables, frame and scan headers
        }
        return switch (marker) {
            case 0xe0, 0xee -> true; // JFIF, Adobe
            case 0xe1 -> startsWith(jpeg, at, "Exif\0") ? kept.exif()
                    : startsWith(jpeg, at, "http://ns.adobe.com/") && kept.xmp();
            case 0xe2 -> startsWith(jpeg, at, "ICC_PROFILE\0") && kept.icc();
            case 0xed -> startsWith(jpeg, at, "Photoshop 3.0\0") && kept.iptc();
            default -> false;
        };
    }

    private static boolean startsWith(byte[] jpeg, int segment, String identifier) {
        byte[] id = identifier.getBytes(StandardCharsets.ISO_8859_1);
        int from = segment + 4;
        if (from + id.length > jpeg.length) {
            return false;
        }
        for (int i = 0; i < id.length; i++) {
            if (jpeg[from + i] != id[i]) {
                return false;
            }
        }
        return true;
    }
}
