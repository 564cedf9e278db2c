package io.compressor.testing;

import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/// Files a hostile client sends, made here on each run (never downloaded): for every input format a file tagged
/// with metadata to strip, a truncated one, one whose header lies and a pixel bomb; then oversized and looping
/// metadata, many-frame and many-page bombs, and SVG entity, `<use>`, filter and external-reference bombs.
/// Every entry says what options it is sent with and which marker strings must never come back.
public final class HostileCorpus {
    /// A marker put in metadata that the options do not keep: it must not appear in any output.
    public static final String SECRET = "SECRET-MARKER";

    /// One upload: its name, bytes, the `data` options, and the strings no output may hold.
    public record Entry(String name, byte[] bytes, String data, List<String> forbidden) {
        Entry(String name, byte[] bytes, String data) {
            this(name, bytes, data, List.of(SECRET));
        }
    }

    private static final String DEFAULTS = "{}";
    private static final String KEEP_ICC = "{\"image\":{\"metadata\":[\"icc\"]}}";
    private static final String KEEP_COPYRIGHT = "{\"image\":{\"metadata\":[\"copyright\"],\"format\":\"webp\"}}";
    private static final String LOSSLESS = "{\"image\":{\"compression\":\"lossless\"}}";
    private static final String SMALLEST = "{\"image\":{\"format\":\"smallest\",\"resize\":{\"width\":32}}}";

    private HostileCorpus() {}

    /// The whole corpus, made with Debian's libvips.
    public static List<Entry> make() {
        Vips vips = Vips.start(new VipsConfig(VipsConfig.DEFAULT_LIBRARY, 0));
        List<Entry> corpus = new ArrayList<>();
        try (Scope scope = vips.scope()) {
            VImage picture = picture(scope);
            VImage tagged = picture.withHeader("exif-ifd0-Make", SECRET + "-make")
                    .withHeader("exif-ifd0-ImageDescription", SECRET + "-description");
            byte[] jpeg = tagged.save("jpegsave_buffer", Map.of("Q", 80, "strip", false));
            byte[] png = picture.save("pngsave_buffer", Map.of());
            byte[] webp = tagged.save("webpsave_buffer", Map.of("Q", 80, "strip", false));
            byte[] gif = picture.save("gifsave_buffer", Map.of());
            byte[] avif = tagged.save("heifsave_buffer", Map.of("compression", "av1", "Q", 50, "effort", 0, "strip", false));
            byte[] heic = tagged.save("heifsave_buffer", Map.of("compression", "hevc", "Q", 50, "strip", false));
            byte[] tiff = tagged.save("tiffsave_buffer", Map.of("strip", false));
            byte[] bmp = bmp(64, 48);
            byte[] ico = ico(png);
            byte[] svg = ("<svg xmlns='http://www.w3.org/2000/svg' width='64' height='48'><title>" + SECRET
                    + "</title><rect width='64' height='48' fill='#3a7'/></svg>").getBytes(StandardCharsets.UTF_8);
            byte[] pngTagged = withPngChunk(png, "tEXt", ascii("Comment\0" + SECRET + "-text"));
            byte[] gifTagged = withGifComment(gif, SECRET + "-comment");
            List<byte[]> files = List.of(jpeg, pngTagged, webp, gifTagged, avif, heic, tiff, bmp, ico, svg);
            List<String> names = List.of("jpeg", "png", "webp", "gif", "avif", "heic", "tiff", "bmp", "ico", "svg");
            for (int i = 0; i < files.size(); i++) {
                String n = names.get(i);
                byte[] f = files.get(i);
                corpus.add(new Entry(n + "-tagged-default", f, DEFAULTS));
                corpus.add(new Entry(n + "-tagged-keep-icc", f, KEEP_ICC));
                corpus.add(new Entry(n + "-tagged-lossless", f, LOSSLESS));
                corpus.add(new Entry(n + "-tagged-smallest", f, SMALLEST));
                corpus.add(new Entry(n + "-truncated", Arrays.copyOf(f, f.length / 2), DEFAULTS));
                corpus.add(new Entry(n + "-head-only", Arrays.copyOf(f, Math.min(f.length, 24)), DEFAULTS));
                corpus.add(new Entry(n + "-lying-header", lying(f), DEFAULTS));
            }
            corpus.add(new Entry("jpeg-tagged-keep-copyright", jpeg, KEEP_COPYRIGHT, List.of(SECRET + "-make",
                    SECRET + "-description")));
            corpus.addAll(bombs(picture, png, jpeg, gif));
            corpus.addAll(metadataBombs(jpeg, png, gif, webp));
            corpus.addAll(svgBombs());
        }
        return corpus;
    }

    /// A 64×48 gradient, sRGB.
    private static VImage picture(Scope scope) {
        VImage xy = scope.image("xyz", Map.of("width", 64, "height", 48));
        VImage x = xy.apply("extract_band", Map.of("band", 0)).apply("linear", Map.of("a", new double[] {3.5}, "b", new double[] {20}));
        VImage y = xy.apply("extract_band", Map.of("band", 1)).apply("linear", Map.of("a", new double[] {4}, "b", new double[] {30}));
        return scope.image("bandjoin", Map.of("in", new VImage[] {x, y, x})).apply("cast", Map.of("format", "uchar"))
                .apply("copy", Map.of("interpretation", "srgb"));
    }

    /// Headers that declare more pixels than any limit allows, or frames and pages without end.
    private static List<Entry> bombs(VImage picture, byte[] png, byte[] jpeg, byte[] gif) {
        List<Entry> bombs = new ArrayList<>();
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(60_000).putInt(60_000).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        bombs.add(new Entry("png-pixel-bomb", cat(Arrays.copyOf(png, 8), chunk("IHDR", ihdr.array()),
                chunk("IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1}), chunk("IEND", new byte[0])), DEFAULTS));
        bombs.add(new Entry("jpeg-pixel-bomb", sof(jpeg, 65_000, 65_000), DEFAULTS));
        byte[] screen = gif.clone();
        screen[6] = screen[7] = screen[8] = screen[9] = (byte) 0xff;
        bombs.add(new Entry("gif-screen-bomb", screen, DEFAULTS));
        bombs.add(new Entry("webp-canvas-bomb", riff(webpChunk("VP8X", new byte[] {0x10, 0, 0, 0, (byte) 0xfe, (byte) 0xff, 0x3f,
                (byte) 0xfe, (byte) 0xff, 0x3f}), webpChunk("ANIM", new byte[6])), DEFAULTS));
        bombs.add(new Entry("bmp-pixel-bomb", bmpHeader(50_000, 50_000), DEFAULTS));
        bombs.add(new Entry("gif-many-frames", manyFrames(picture, 3000), DEFAULTS));
        bombs.add(new Entry("tiff-many-pages", manyPages(picture, 400), DEFAULTS));
        bombs.add(new Entry("png-upscale-bomb", png, "{\"image\":{\"resize\":{\"width\":16384,\"height\":16384,\"mode\":\"exact\"}}}"));
        bombs.add(new Entry("png-one-pixel", png, "{\"image\":{\"resize\":{\"width\":1,\"height\":1,\"mode\":\"exact\"}}}"));
        bombs.add(new Entry("empty-file", new byte[0], DEFAULTS));
        bombs.add(new Entry("random-bytes", random(8192), DEFAULTS));
        return bombs;
    }

    /// Metadata made to hurt: oversized comments and profiles, a compressed text bomb, an EXIF whose directory
    /// points at itself.
    private static List<Entry> metadataBombs(byte[] jpeg, byte[] png, byte[] gif, byte[] webp) {
        List<Entry> bombs = new ArrayList<>();
        byte[] megabyte = ascii((SECRET + "-big ").repeat(60_000));
        bombs.add(new Entry("jpeg-huge-comment", withJpegSegments(jpeg, 0xfe, Arrays.copyOf(megabyte, 65_000), 16), KEEP_ICC));
        bombs.add(new Entry("jpeg-huge-icc", withJpegSegments(jpeg, 0xe2, cat(ascii("ICC_PROFILE\0\1\1"), random(65_000)), 1),
                DEFAULTS));
        bombs.add(new Entry("jpeg-exif-loop", withJpegSegments(jpeg, 0xe1, exifLoop(), 1), DEFAULTS));
        bombs.add(new Entry("jpeg-maker-trailer", cat(jpeg, ascii("MPF trailer " + SECRET + "-trailer")), LOSSLESS));
        bombs.add(new Entry("png-huge-text", withPngChunk(png, "tEXt", cat(ascii("Comment\0"), megabyte)), KEEP_ICC));
        bombs.add(new Entry("png-ztxt-bomb", withPngChunk(png, "zTXt", cat(ascii("Comment\0\0"), deflate(20_000_000))), KEEP_ICC));
        bombs.add(new Entry("png-itxt", withPngChunk(png, "iTXt", ascii("Author\0\0\0\0\0" + SECRET + "-itxt")), LOSSLESS));
        bombs.add(new Entry("png-exif-loop", withPngChunk(png, "eXIf", Arrays.copyOfRange(exifLoop(), 6, exifLoop().length)),
                DEFAULTS));
        bombs.add(new Entry("gif-huge-comment", withGifComment(gif, new String(megabyte, StandardCharsets.ISO_8859_1)), LOSSLESS));
        bombs.add(new Entry("webp-private-chunk", appendWebpChunk(webp, "ZZZZ", ascii(SECRET + "-chunk")), LOSSLESS));
        return bombs;
    }

    private static List<Entry> svgBombs() {
        List<Entry> bombs = new ArrayList<>();
        StringBuilder laughs = new StringBuilder("<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY a0 'lol'>");
        for (int i = 1; i < 12; i++) {
            laughs.append("<!ENTITY a").append(i).append(" '").append(("&a" + (i - 1) + ";").repeat(10)).append("'>");
        }
        laughs.append("]><svg xmlns='http://www.w3.org/2000/svg' width='64' height='48'><text>&a11;</text></svg>");
        bombs.add(new Entry("svg-entity-bomb", ascii(laughs.toString()), DEFAULTS));
        StringBuilder uses = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
                + " width='64' height='48'><defs><rect id='u0' width='1' height='1'/>");
        for (int i = 1; i < 20; i++) {
            uses.append("<g id='u").append(i).append("'>").append(("<use xlink:href='#u" + (i - 1) + "'/>").repeat(8)).append("</g>");
        }
        uses.append("</defs><use xlink:href='#u19'/></svg>");
        bombs.add(new Entry("svg-use-bomb", ascii(uses.toString()), DEFAULTS));
        bombs.add(new Entry("svg-filter-bomb", filtered(4000, "<feTurbulence baseFrequency='0.01' numOctaves='8'/>"), DEFAULTS));
        bombs.add(new Entry("svg-blur-bomb", filtered(1900, "<feGaussianBlur stdDeviation='900'/>"), DEFAULTS));
        bombs.add(new Entry("svg-external-file", images("file:///etc/passwd", "/etc/hostname"), DEFAULTS));
        bombs.add(new Entry("svg-metadata-address", images("http://169.254.169.254/latest/meta-data/"), DEFAULTS));
        bombs.add(new Entry("svg-xxe", ascii("<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<svg xmlns='http://www.w3.org/2000/svg' width='64' height='48'><text y='20'>&x;</text></svg>"),
                DEFAULTS, List.of("root:x:0")));
        bombs.add(new Entry("svg-huge-canvas", ascii("<svg xmlns='http://www.w3.org/2000/svg' width='100000' height='100000'/>"),
                DEFAULTS));
        bombs.add(new Entry("svg-comment-run", ascii("<!---->" + "\n".repeat(3000) + "<svg xmlns='http://www.w3.org/2000/svg'"
                + " width='8' height='8'/>"), DEFAULTS));
        return bombs;
    }

    /// A `side`×`side` SVG whose one rectangle is drawn through `primitive`.
    private static byte[] filtered(int side, String primitive) {
        return ascii("<svg xmlns='http://www.w3.org/2000/svg' width='" + side + "' height='" + side + "'><filter id='f'>"
                + primitive + "</filter><rect width='100%' height='100%' fill='red' filter='url(#f)'/></svg>");
    }

    /// An SVG that draws images from `hrefs`: references out of the file, which must draw nothing.
    private static byte[] images(String... hrefs) {
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
                + " width='64' height='48'>");
        for (String href : hrefs) {
            svg.append("<image width='64' height='48' xlink:href='").append(href).append("'/>");
        }
        return ascii(svg.append("</svg>").toString());
    }

    private static byte[] lying(byte[] f) {
        // another format's magic bytes over this one's body
        byte[] lie = f.clone();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};
        byte[] magic = lie.length > 1 && (lie[0] & 0xff) == 0x89 ? jpeg : png;
        System.arraycopy(magic, 0, lie, 0, Math.min(magic.length, lie.length));
        return lie;
    }

    private static byte[] manyFrames(VImage picture, int frames) {
        VImage one = picture.apply("extract_area", Map.of("left", 0, "top", 0, "width", 8, "height", 8));
        VImage[] all = new VImage[frames];
        Arrays.fill(all, one);
        VImage strip = one.scope().image("arrayjoin", Map.of("in", all, "across", 1)).withHeader("page-height", 8);
        return strip.save("gifsave_buffer", Map.of());
    }

    private static byte[] manyPages(VImage picture, int pages) {
        VImage[] all = new VImage[pages];
        Arrays.fill(all, picture);
        VImage strip = picture.scope().image("arrayjoin", Map.of("in", all, "across", 1)).withHeader("page-height", 48);
        return strip.save("tiffsave_buffer", Map.of());
    }

    /// A JPEG whose frame header says `w`×`h`.
    private static byte[] sof(byte[] jpeg, int w, int h) {
        byte[] b = jpeg.clone();
        for (int i = 2; i + 8 < b.length; i++) {
            if ((b[i] & 0xff) == 0xff && ((b[i + 1] & 0xff) == 0xc0 || (b[i + 1] & 0xff) == 0xc2)) {
                b[i + 5] = (byte) (h >> 8);
                b[i + 6] = (byte) h;
                b[i + 7] = (byte) (w >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
        }
        throw new IllegalStateException("no frame header");
    }

    /// An EXIF block (`Exif\0\0` + TIFF) whose first directory's next-directory offset points back at itself.
    private static byte[] exifLoop() {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN);
        tiff.put(ascii("MM")).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x010f).putShort((short) 2).putInt(4).put(ascii("LOOP"));
        tiff.putInt(8);
        return cat(ascii("Exif\0\0"), tiff.array());
    }

    private static byte[] withJpegSegments(byte[] jpeg, int marker, byte[] body, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < count; i++) {
            out.writeBytes(new byte[] {(byte) 0xff, (byte) marker, (byte) ((body.length + 2) >> 8), (byte) (body.length + 2)});
            out.writeBytes(body);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] withPngChunk(byte[] png, String type, byte[] data) {
        return cat(Arrays.copyOf(png, 33), chunk(type, data), Arrays.copyOfRange(png, 33, png.length));
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return cat(ByteBuffer.allocate(4).putInt(data.length).array(), ascii(type), data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] withGifComment(byte[] gif, String text) {
        int first = 13 + ((gif[10] & 0x80) == 0 ? 0 : 3 << ((gif[10] & 7) + 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif, 0, first);
        out.writeBytes(new byte[] {0x21, (byte) 0xfe});
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at < bytes.length; at += 255) {
            int n = Math.min(255, bytes.length - at);
            out.write(n);
            out.write(bytes, at, n);
        }
        out.write(0);
        out.write(gif, first, gif.length - first);
        return out.toByteArray();
    }

    private static byte[] appendWebpChunk(byte[] webp, String type, byte[] data) {
        byte[] body = cat(Arrays.copyOfRange(webp, 12, webp.length), webpChunk(type, data));
        return riffOf(body);
    }

    private static byte[] riff(byte[]... chunks) {
        return riffOf(cat(chunks));
    }

    private static byte[] riffOf(byte[] body) {
        return cat(ascii("RIFF"), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length + 4).array(),
                ascii("WEBP"), body);
    }

    private static byte[] webpChunk(String type, byte[] data) {
        return cat(ascii(type), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array(), data,
                new byte[data.length % 2]);
    }

    /// A 24-bit BMP of `w`×`h` grey pixels.
    private static byte[] bmp(int w, int h) {
        int row = (w * 3 + 3) & ~3;
        byte[] pixels = new byte[row * h];
        Arrays.fill(pixels, (byte) 0x80);
        return cat(bmpHeader(w, h, pixels.length), pixels);
    }

    /// A BMP header alone that declares `w`×`h`.
    private static byte[] bmpHeader(int w, int h) {
        return bmpHeader(w, h, 0);
    }

    private static byte[] bmpHeader(int w, int h, int pixelBytes) {
        return ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN).put(ascii("BM")).putInt(54 + pixelBytes).putInt(0)
                .putInt(54).putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24).putInt(0)
                .putInt(pixelBytes).putInt(2835).putInt(2835).putInt(0).putInt(0).array();
    }

    /// An ICO holding one PNG image.
    private static byte[] ico(byte[] png) {
        ByteBuffer header = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0).putShort((short) 1)
                .putShort((short) 1).put((byte) 64).put((byte) 48).put((byte) 0).put((byte) 0).putShort((short) 1)
                .putShort((short) 32).putInt(png.length).putInt(22);
        return cat(header.array(), png);
    }

    /// `size` zero bytes, deflated (a zlib stream a few kilobytes long).
    private static byte[] deflate(int size) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[size]);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(11).nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
