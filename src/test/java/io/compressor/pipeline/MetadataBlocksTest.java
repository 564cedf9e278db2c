package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/// The container-level strippers on files built by hand: what each removes, what it keeps, and that the image data is
/// left as it was.
class MetadataBlocksTest {
    private static final Kept ICC_ONLY = new Kept(true, false, false, false);
    private static final Kept EVERY_BLOCK = new Kept(true, true, true, true);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] segment(int marker, byte[] body) {
        return cat(new byte[] {(byte) 0xff, (byte) marker, (byte) ((body.length + 2) >> 8), (byte) (body.length + 2)}, body);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    // A JPEG's structure: SOI, segments, SOS, entropy data with a stuffed 0xFF00 and a restart marker, EOI, a trailer.
    private static final byte[] SCAN = {(byte) 0x12, (byte) 0xff, 0x00, (byte) 0x34, (byte) 0xff, (byte) 0xd0, 0x56};
    private static final byte[] JFIF = segment(0xe0, ascii("JFIF\0\1\1\0\0\1\0\1\0\0"));
    private static final byte[] EXIF = segment(0xe1, ascii("Exif\0\0GPS 51.5N"));
    private static final byte[] XMP = segment(0xe1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>"));
    private static final byte[] ICC = segment(0xe2, ascii("ICC_PROFILE\0\1\1profile"));
    private static final byte[] IPTC = segment(0xed, ascii("Photoshop 3.0\08BIM byline"));
    private static final byte[] ADOBE = segment(0xee, ascii("Adobe\0\144\0\0\0\0\1"));
    private static final byte[] MAKER = segment(0xe9, ascii("Maker serial 1234"));
    private static final byte[] COMMENT = segment(0xfe, ascii("shot at home"));
    private static final byte[] DQT = segment(0xdb, new byte[65]);
    private static final byte[] SOS = segment(0xda, new byte[] {1, 1, 0, 0, 63, 0});
    private static final byte[] SOI = {(byte) 0xff, (byte) 0xd8};
    private static final byte[] EOI = {(byte) 0xff, (byte) 0xd9};

    static byte[] jpeg() {
        return cat(SOI, JFIF, EXIF, XMP, ICC, IPTC, ADOBE, MAKER, COMMENT, DQT, SOS, SCAN, COMMENT, SOS, SCAN, EOI,
                ascii("trailer with GPS"));
    }

    @Test
    void aJpegKeepsItsDecodingSegmentsAndScansAndLosesEveryMetadataSegmentNotKept() {
        byte[] stripped = JpegSegments.strip(jpeg(), Kept.NOTHING).orElseThrow();
        assertThat(stripped).isEqualTo(cat(SOI, JFIF, ADOBE, DQT, SOS, SCAN, SOS, SCAN, EOI));
    }

    @Test
    void aJpegKeepsTheBlocksNamed() {
        assertThat(JpegSegments.strip(jpeg(), ICC_ONLY).orElseThrow())
                .isEqualTo(cat(SOI, JFIF, ICC, ADOBE, DQT, SOS, SCAN, SOS, SCAN, EOI));
        assertThat(JpegSegments.strip(jpeg(), EVERY_BLOCK).orElseThrow())
                .isEqualTo(cat(SOI, JFIF, EXIF, XMP, ICC, IPTC, ADOBE, DQT, SOS, SCAN, SOS, SCAN, EOI));
    }

    @Test
    void aJpegThatDoesNotParseIsNotStripped() {
        byte[] whole = jpeg();
        assertThat(JpegSegments.strip(java.util.Arrays.copyOf(whole, 30), Kept.NOTHING)).isEmpty();
        assertThat(JpegSegments.strip(ascii("not a jpeg"), Kept.NOTHING)).isEmpty();
        byte[] lying = cat(SOI, new byte[] {(byte) 0xff, (byte) 0xe1, (byte) 0xff, (byte) 0xff}, EOI);
        assertThat(JpegSegments.strip(lying, Kept.NOTHING)).isEmpty();
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        long c = crc.getValue();
        return cat(new byte[] {(byte) (data.length >> 24), (byte) (data.length >> 16), (byte) (data.length >> 8),
                (byte) data.length}, ascii(type), data, new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] IHDR = chunk("IHDR", new byte[13]);
    private static final byte[] ICCP = chunk("iCCP", ascii("icc\0\0profile"));
    private static final byte[] TRNS = chunk("tRNS", new byte[] {0, 0});
    private static final byte[] GAMA = chunk("gAMA", new byte[4]);
    private static final byte[] TEXT = chunk("tEXt", ascii("Comment\0shot at home"));
    private static final byte[] ZTXT = chunk("zTXt", ascii("Raw profile type exif\0\0xx"));
    private static final byte[] ITXT_XMP = chunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>"));
    private static final byte[] ITXT = chunk("iTXt", ascii("Author\0\0\0\0\0someone"));
    private static final byte[] EXIF_CHUNK = chunk("eXIf", ascii("MM\0*GPS"));
    private static final byte[] TIME = chunk("tIME", new byte[7]);
    private static final byte[] PRIVATE = chunk("prVt", ascii("anything"));
    private static final byte[] IDAT = chunk("IDAT", new byte[] {1, 2, 3});
    private static final byte[] IEND = chunk("IEND", new byte[0]);

    static byte[] png() {
        return cat(SIGNATURE, IHDR, ICCP, GAMA, TEXT, ZTXT, ITXT_XMP, ITXT, EXIF_CHUNK, TIME, TRNS, PRIVATE, IDAT, IEND,
                ascii("after the end"));
    }

    @Test
    void aPngKeepsItsImageAndRenderingChunksAndLosesTextTimeAndPrivateChunks() {
        assertThat(PngChunks.strip(png(), Kept.NOTHING).orElseThrow()).isEqualTo(cat(SIGNATURE, IHDR, GAMA, TRNS, IDAT, IEND));
        assertThat(PngChunks.strip(png(), ICC_ONLY).orElseThrow()).isEqualTo(cat(SIGNATURE, IHDR, ICCP, GAMA, TRNS, IDAT, IEND));
        assertThat(PngChunks.strip(png(), EVERY_BLOCK).orElseThrow())
                .isEqualTo(cat(SIGNATURE, IHDR, ICCP, GAMA, ITXT_XMP, EXIF_CHUNK, TRNS, IDAT, IEND));
    }

    @Test
    void aPngWhoseChunkRunsPastTheEndIsNotStripped() {
        byte[] whole = png();
        assertThat(PngChunks.strip(java.util.Arrays.copyOf(whole, whole.length - 40), Kept.NOTHING)).isEmpty();
        byte[] huge = cat(SIGNATURE, new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, ascii("tEXt"), IEND);
        assertThat(PngChunks.strip(huge, Kept.NOTHING)).isEmpty();
    }

    private static byte[] subBlocks(byte[] data) {
        return cat(new byte[] {(byte) data.length}, data, new byte[] {0});
    }

    private static final byte[] GIF_HEAD = cat(ascii("GIF89a"), new byte[] {1, 0, 1, 0, (byte) 0x80, 0, 0}, new byte[6]);
    private static final byte[] LOOP = cat(new byte[] {0x21, (byte) 0xff, 11}, ascii("NETSCAPE2.0"), subBlocks(new byte[] {1, 0, 0}));
    private static final byte[] GIF_XMP = cat(new byte[] {0x21, (byte) 0xff, 11}, ascii("XMP DataXMP"), subBlocks(ascii("<x/>")));
    private static final byte[] GIF_COMMENT = cat(new byte[] {0x21, (byte) 0xfe}, subBlocks(ascii("shot at home")));
    private static final byte[] GIF_OTHER_APP = cat(new byte[] {0x21, (byte) 0xff, 11}, ascii("MGK8BIM0000"), subBlocks(ascii("iptc")));
    private static final byte[] CONTROL = cat(new byte[] {0x21, (byte) 0xf9}, subBlocks(new byte[] {0, 10, 0, 0}));
    private static final byte[] FRAME = cat(new byte[] {0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2}, subBlocks(new byte[] {0x44, 0x01}));

    static byte[] gif() {
        return cat(GIF_HEAD, LOOP, GIF_COMMENT, GIF_XMP, GIF_OTHER_APP, CONTROL, FRAME, GIF_COMMENT, CONTROL, FRAME,
                new byte[] {0x3b}, ascii("trailer"));
    }

    @Test
    void aGifKeepsItsFramesTimingAndLoopAndLosesCommentsAndOtherApplications() {
        byte[] gif = gif();
        assertThat(GifBlocks.strip(gif, Kept.NOTHING).orElseThrow())
                .isEqualTo(cat(GIF_HEAD, LOOP, CONTROL, FRAME, CONTROL, FRAME, new byte[] {0x3b}));
        assertThat(text(GifBlocks.strip(gif, EVERY_BLOCK).orElseThrow())).contains("XMP DataXMP").doesNotContain("shot at home");
        assertThat(GifBlocks.strip(java.util.Arrays.copyOf(gif, GIF_HEAD.length + 5), Kept.NOTHING)).isEmpty();
    }

    private static byte[] riff(byte[]... chunks) {
        byte[] body = cat(chunks);
        int size = body.length + 4;
        return cat(ascii("RIFF"), new byte[] {(byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)},
                ascii("WEBP"), body);
    }

    private static byte[] webpChunk(String type, byte[] data) {
        int n = data.length;
        return cat(ascii(type), new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)}, data,
                n % 2 == 1 ? new byte[1] : new byte[0]);
    }

    private static final byte[] VP8L = webpChunk("VP8L", new byte[] {0x2f, 1, 2, 3, 4});

    static byte[] webp() {
        byte[] vp8x = webpChunk("VP8X", new byte[] {(byte) (0x20 | 0x08 | 0x04), 0, 0, 0, 0, 0, 0, 0, 0, 0});
        return riff(vp8x, webpChunk("ICCP", ascii("icc")), VP8L, webpChunk("EXIF", ascii("GPS")),
                webpChunk("XMP ", ascii("<x/>")), webpChunk("ZZZZ", ascii("private")));
    }

    @Test
    void aWebpLosesMetadataAndUnknownChunksAndItsFlagsSaySo() {
        byte[] webp = webp();
        byte[] image = VP8L;
        byte[] stripped = WebpChunks.strip(webp, Kept.NOTHING);
        assertThat(stripped).isEqualTo(riff(webpChunk("VP8X", new byte[10]), image));
    }
}
