package io.compressor.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/// Removes metadata chunks from a WebP file: ICC, EXIF and XMP unless kept, and any chunk the format does not define.
/// libvips 8.14's webpsave ignores `strip` and always writes ICC and a generated EXIF block; this rewrites the RIFF
/// container without them and clears their flags in the VP8X header.
final class WebpChunks {
    private static final int ICC_FLAG = 0x20;
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;
    private static final Set<String> IMAGE = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF");

    private WebpChunks() {}

    static byte[] strip(byte[] webp, Kept kept) {
        boolean keepIcc = kept.icc();
        boolean keepExif = kept.exif();
        boolean keepXmp = kept.xmp();
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        if (webp.length < 20 || !fourcc(webp, 0).equals("RIFF") || !fourcc(webp, 8).equals("WEBP")) {
            return webp;
        }
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(webp.length);
        int position = 12;
        while (position + 8 <= webp.length) {
            String type = fourcc(webp, position);
            int size = in.getInt(position + 4);
            int padded = size + (size & 1);
            if (size < 0 || position + 8 + padded > webp.length || type.equals("VP8X") && size < 10) {
                return webp; // not a WebP file this can follow: left as it is
            }
            boolean drop = type.equals("ICCP") ? !keepIcc : type.equals("EXIF") ? !keepExif : type.equals("XMP ") ? !keepXmp
                    : !IMAGE.contains(type);
            if (!drop) {
                int start = chunks.size();
                chunks.write(webp, position, 8 + padded);
                if (type.equals("VP8X")) {
                    byte[] all = chunks.toByteArray();
                    int flags = all[start + 8] & 0xff;
                    flags &= ~((keepIcc ? 0 : ICC_FLAG) | (keepExif ? 0 : EXIF_FLAG) | (keepXmp ? 0 : XMP_FLAG));
                    chunks.reset();
                    chunks.write(all, 0, start + 8);
                    chunks.write(flags);
                    chunks.write(all, start + 9, all.length - start - 9);
                }
            }
            position += 8 + padded;
        }
        byte[] body = chunks.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body);
        return out.array();
    }

    private static String fourcc(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}
