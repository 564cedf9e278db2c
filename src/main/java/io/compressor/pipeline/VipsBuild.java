package io.compressor.pipeline;

import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/// One libvips build the engine runs images on: the formats it reads, and its encoders. What a build reads is found
/// at start by decoding a tiny image of each format (`samples/`, made with Debian's `vips` command): a loader can
/// exist and still lack a codec, as sharp's build has `heifload` but decodes only AV1, not HEIC's HEVC.
record VipsBuild(Vips vips, Set<ImageFormat> reads, Codecs codecs, EncoderSettings settings) {
    static VipsBuild open(Vips vips) {
        Codecs codecs = Codecs.detect(vips);
        return new VipsBuild(vips, Set.copyOf(readable(vips)), codecs, new EncoderSettings(codecs));
    }

    private static Set<ImageFormat> readable(Vips vips) {
        Set<ImageFormat> reads = EnumSet.noneOf(ImageFormat.class);
        for (ImageFormat format : ImageFormat.values()) {
            if (decodes(vips, format)) {
                reads.add(format);
            }
        }
        return reads;
    }

    private static boolean decodes(Vips vips, ImageFormat format) {
        byte[] sample = sample(format);
        try (Scope scope = vips.scope()) {
            VImage image = scope.image(Sniff.loader(format), Map.of("buffer", scope.blob(sample), "fail_on", "truncated"));
            scope.call("avg", Map.of("in", image));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] sample(ImageFormat format) {
        String name = "samples/sample." + format.extension();
        try (InputStream in = VipsBuild.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
