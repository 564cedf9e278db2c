package io.compressor.pipeline;

import java.util.OptionalInt;

/// The quality a JPEG was saved at, estimated from its luminance quantisation table: the IJG quality (libjpeg's
/// `jpeg_set_quality`, which libjpeg-turbo, mozjpeg with the standard table, and most software use) whose scaled
/// standard table is nearest to it. Tables of other origin (cameras, Photoshop) get the IJG quality that quantises
/// about as coarsely. Read from the segments before the first scan, without decoding.
final class JpegQuality {
    /// Where each coefficient of a DQT segment (zigzag order) sits in the 8×8 block.
    private static final int[] NATURAL_ORDER = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33,
        40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58,
        59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
    /// The JPEG standard's luminance table (Annex K), in natural order.
    private static final int[] STANDARD_LUMA = {16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13,
        16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104,
        113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

    private JpegQuality() {}

    /// The estimated quality, 1 to 100; empty when the bytes hold no luminance table before the first scan.
    static OptionalInt estimate(byte[] jpeg) {
        int[] luma = lumaTable(jpeg);
        if (luma == null) {
            return OptionalInt.empty();
        }
        int best = 1;
        long bestDistance = Long.MAX_VALUE;
        for (int quality = 1; quality <= 100; quality++) {
            long distance = 0;
            for (int i = 0; i < 64; i++) {
                distance += Math.abs(luma[i] - scaled(STANDARD_LUMA[i], quality));
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = quality;
            }
        }
        return OptionalInt.of(best);
    }

    /// libjpeg's scaling of a standard table entry to a quality, limited to baseline's 1..255.
    private static int scaled(int standard, int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
        return Math.max(1, Math.min(255, (standard * scale + 50) / 100));
    }

    /// Table 0 in natural order, or null.
    private static int[] lumaTable(byte[] jpeg) {
        if (!JpegSegments.startsAsJpeg(jpeg)) {
            return null;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int marker = jpeg[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;
                continue;
            }
            if (marker == 0xda || marker == 0xd9) {
                return null;
            }
            int end = JpegSegments.segmentEnd(jpeg, at);
            if (end < 0) {
                return null;
            }
            if (marker == 0xdb) {
                int[] table = readTables(jpeg, at + 4, end);
                if (table != null) {
                    return table;
                }
            }
            at = end;
        }
        return null;
    }

    /// Table 0 from one DQT segment's tables, or null when the segment holds others only (or is cut short).
    private static int[] readTables(byte[] jpeg, int from, int end) {
        int at = from;
        while (at < end) {
            int precision = (jpeg[at] & 0xff) >> 4;
            int id = jpeg[at] & 0x0f;
            int size = precision == 0 ? 1 : 2;
            if (precision > 1 || at + 1 + 64 * size > end) {
                return null;
            }
            if (id == 0) {
                int[] table = new int[64];
                for (int i = 0; i < 64; i++) {
                    int p = at + 1 + i * size;
                    table[NATURAL_ORDER[i]] = size == 1 ? jpeg[p] & 0xff : ((jpeg[p] & 0xff) << 8) | (jpeg[p + 1] & 0xff);
                }
                return table;
            }
            at += 1 + 64 * size;
        }
        return null;
    }
}
