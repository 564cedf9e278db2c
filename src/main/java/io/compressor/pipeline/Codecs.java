package io.compressor.pipeline;

import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import java.util.Map;

/// What the loaded libvips build can do beyond the common ground. `mozjpeg`: its JPEG encoder is mozjpeg, whose
/// trellis quantisation makes smaller files at the same score (sharp's libvips is built so; Debian's uses
/// libjpeg-turbo, which ignores those options). Found by trying: the same image saved with and without
/// `trellis_quant` differs only under mozjpeg. `keep`: its savers take the `keep` flags (libvips 8.15 and later), so
/// that a saver writes exactly the metadata kept; older savers know only `strip`, all or nothing.
record Codecs(boolean mozjpeg, boolean keep) {
    static Codecs detect(Vips vips) {
        try (Scope scope = vips.scope()) {
            VImage noise = scope.image("gaussnoise", Map.of("width", 64, "height", 64)).apply("cast", Map.of("format", "uchar"));
            byte[] plain = noise.save("jpegsave_buffer", Map.of("Q", 75));
            byte[] trellis = noise.save("jpegsave_buffer", Map.of("Q", 75, "trellis_quant", true));
            return new Codecs(!java.util.Arrays.equals(plain, trellis), takesKeep(noise));
        }
    }

    private static boolean takesKeep(VImage image) {
        try {
            image.save("pngsave_buffer", Map.of("keep", "icc"));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
