package io.compressor.vips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The generic binding: any operation by name, typed arguments both ways, errors classified, scopes released.
class VipsBindingIT {
    private static final Vips VIPS = Vips.start(new VipsConfig(VipsConfig.DEFAULT_LIBRARY, 0));

    @Test
    void callsOperationsByNameAndReadsTheirOutputs() {
        assertThat(VIPS.version()).startsWith("8.");
        try (Scope scope = VIPS.scope()) {
            VImage grey = scope.image("black", Map.of("width", 64, "height", 32, "bands", 3))
                    .apply("linear", Map.of("a", new double[] {1}, "b", new double[] {128}))
                    .apply("cast", Map.of("format", "uchar"));
            byte[] jpeg = grey.save("jpegsave_buffer", Map.of("Q", 80, "strip", true));
            assertThat(jpeg).startsWith(0xff, 0xd8, 0xff);
            VImage back = scope.image("jpegload_buffer", Map.of("buffer", jpeg));
            assertThat(back.width()).isEqualTo(64);
            assertThat(back.height()).isEqualTo(32);
            assertThat(back.header("interpretation")).contains("srgb");
            assertThat(back.header("no-such-field")).isEmpty();
            double average = (double) scope.call("avg", Map.of("in", back)).get("out");
            assertThat(average).isBetween(126.0, 130.0);
            assertThat(VIPS.stats().liveObjects()).isPositive();
        }
        assertThat(VIPS.stats().liveObjects()).isZero();
    }

    /// libvips before 8.15 generates SIMD code with liborc, whose code allocation is not thread-safe: two resizes built at
    /// once crashed the benchmark's process once (SIGSEGV in orc_code_allocate_codemem, at its first two images; too rare
    /// to reproduce on demand). The binding turns liborc off there; resizes on several threads at once still work.
    @Test
    void resizesBuiltOnSeveralThreadsAtOnceRunWithoutLiborc() throws Exception {
        String[] version = VIPS.version().split("\\.");
        if (Integer.parseInt(version[0]) == 8 && Integer.parseInt(version[1]) < 15) {
            assertThat(VIPS.vectorised()).as("liborc's generated code is off on libvips " + VIPS.version()).isFalse();
        }
        int threads = 4;
        var together = new java.util.concurrent.CyclicBarrier(threads);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            var runs = new java.util.ArrayList<java.util.concurrent.Future<Long>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    together.await();
                    long pixels = 0;
                    for (int i = 0; i < 150; i++) {
                        try (Scope scope = VIPS.scope()) {
                            VImage image = scope.image("black", Map.of("width", 300, "height", 200, "bands", 3))
                                    .apply("linear", Map.of("a", new double[] {1}, "b", new double[] {100}))
                                    .apply("cast", Map.of("format", "uchar"));
                            // a scale of its own for every resize: each builds new reduce kernels
                            VImage small = image.apply("resize", Map.of("scale", 0.2 + (thread * 150 + i) / 1000.0));
                            pixels += small.pixels().length;
                        }
                    }
                    return pixels;
                }));
            }
            for (var run : runs) {
                assertThat(run.get()).isPositive();
            }
        }
        assertThat(VIPS.stats().liveObjects()).isZero();
    }

    @Test
    void headersCanBeSetAndRemovedOnAPrivateCopy() {
        try (Scope scope = VIPS.scope()) {
            VImage image = scope.image("black", Map.of("width", 4, "height", 4));
            VImage tagged = image.withHeader("orientation", 6).withHeader("delay", new int[] {40, 50});
            assertThat(tagged.intHeader("orientation", 1)).isEqualTo(6);
            assertThat((int[]) tagged.header("delay").orElseThrow()).containsExactly(40, 50);
            assertThat(image.header("orientation")).isEmpty();
            assertThat(tagged.withHeader("orientation", null).header("orientation")).isEmpty();
        }
    }

    @Test
    void errorsAreClassifiedAndBadArgumentsNamed() {
        try (Scope scope = VIPS.scope()) {
            assertThatThrownBy(() -> scope.image("jpegload_buffer", Map.of("buffer", new byte[] {1, 2, 3})))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isIn("corrupt_image", "unsupported_format"));
            assertThatThrownBy(() -> scope.image("black", Map.of("width", 4, "height", 4, "colour", 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("black has no input argument colour");
            assertThatThrownBy(() -> scope.image("no_such_operation", Map.of()))
                    .isInstanceOfSatisfying(VipsException.class, e -> assertThat(e.code()).isEqualTo("internal"));
        }
        assertThat(VIPS.stats().liveObjects()).isZero();
    }

    @Test
    void aClosedScopeTakesNoMoreImages() {
        Scope scope = VIPS.scope();
        scope.close();
        assertThatThrownBy(() -> scope.image("black", Map.of("width", 2, "height", 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("scope is closed");
        assertThat(VIPS.stats().liveObjects()).isZero();
    }

    @Test
    void untrustedLoadersAreBlockedExceptTheListedOnes() {
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj"
                + " 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Scope scope = VIPS.scope()) {
            assertThatThrownBy(() -> scope.image("pdfload_buffer", Map.of("buffer", pdf)))
                    .isInstanceOfSatisfying(VipsException.class, e -> {
                        assertThat(e.code()).isEqualTo("unsupported_format");
                        assertThat(e.detail()).contains("operation is blocked");
                    });
            byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg' width='8' height='4'/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(scope.image("svgload_buffer", Map.of("buffer", svg)).width()).isEqualTo(8);
        }
    }
}
