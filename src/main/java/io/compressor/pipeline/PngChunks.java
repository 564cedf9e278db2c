package io.compressor.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/// Removes metadata chunks from a PNG without touching its image data. The critical chunks stay, and of the ancillary
/// ones those that say how to show the pixels (transparency, gamma, colour space, pixel size, background, animation);
/// `iCCP`, `eXIf` and the XMP `iTXt` stay when `Kept` names them; text, time and every other chunk go.
final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> RENDERING = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "pHYs", "bKGD", "acTL",
            "fcTL", "fdAT");
    private static final String XMP_KEYWORD = "XML:com.adobe.xmp\0";

    private PngChunks() {}

    /// The PNG without what `kept` does not name, or empty when it is not a PNG whose chunks this can follow.
    static Optional<byte[]> strip(byte[] png, Kept kept) {
        if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, SIGNATURE.length);
        int at = SIGNATURE.length;
        while (at + 12 <= png.length) {
            long length = ((png[at] & 0xffL) << 24) | ((png[at + 1] & 0xff) << 16) | ((png[at + 2] & 0xff) << 8) | (png[at + 3] & 0xff);
            if (length > png.length - at - 12) {
                return Optional.empty();
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            int size = 12 + (int) length;
            if (keeps(png, at, (int) length, type, kept)) {
                out.write(png, at, size);
            }
            at += size;
            if (type.equals("IEND")) {
                return Optional.of(out.toByteArray());
            }
        }
        return Optional.empty();
    }

    private static boolean keeps(byte[] png, int at, int length, String type, Kept kept) {
        if (Character.isUpperCase(type.charAt(0)) || RENDERING.contains(type)) {
            return true;
        }
        return switch (type) {
            case "iCCP" -> kept.icc();
            case "eXIf" -> kept.exif();
            case "iTXt" -> kept.xmp() && new String(png, at + 8, Math.min(XMP_KEYWORD.length(), length),
                    StandardCharsets.ISO_8859_1).equals(XMP_KEYWORD);
            default -> false;
        };
    }
}
