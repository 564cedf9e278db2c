package io.compressor.testing;

import io.compressor.pipeline.EngineConfig;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.util.List;

/// The libvips builds the tests' engines run on: `COMPRESSOR_VIPS_LIBRARY` as `scripts/test` sets it, to what
/// `./compressor` runs by default (sharp's build first, Debian's after it); without it, Debian's alone.
public final class TestEngine {
    public static final String VARIABLE = "COMPRESSOR_VIPS_LIBRARY";

    private TestEngine() {}

    public static List<String> libraries() {
        String value = System.getenv(VARIABLE);
        return value == null || value.isBlank() ? List.of(VipsConfig.DEFAULT_LIBRARY) : EngineConfig.libraries(value);
    }

    /// The builds started, in order.
    public static List<Vips> builds() {
        return libraries().stream().map(library -> Vips.start(new VipsConfig(library, 0))).toList();
    }
}
