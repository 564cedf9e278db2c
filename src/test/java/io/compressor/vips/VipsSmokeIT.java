package io.compressor.vips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VipsSmokeIT {
    @Test
    void makesAnImageEncodesAndReloadsIt() {
        Vips vips = Vips.start(new VipsConfig(VipsConfig.DEFAULT_LIBRARY, 0));
        System.out.println("libvips " + vips.version() + " " + vips.stats());
        try (Scope scope = vips.scope()) {
            VImage black = scope.image("black", Map.of("width", 64, "height", 32, "bands", 3));
            VImage grey = black.apply("linear", Map.of("a", new double[] {1}, "b", new double[] {128}));
            byte[] jpeg = grey.apply("cast", Map.of("format", "uchar")).save("jpegsave_buffer", Map.of("Q", 80, "strip", true));
            VImage back = scope.image("jpegload_buffer", Map.of("buffer", jpeg));
            assertThat(back.width()).isEqualTo(64);
            assertThat(back.height()).isEqualTo(32);
            System.out.println("fields: " + back.header("interpretation") + " " + back.header("jpeg-chroma-subsample"));
            System.out.println("during: " + vips.stats());
        }
        System.out.println("after: " + vips.stats());
    }
}
