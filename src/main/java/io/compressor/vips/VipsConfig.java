package io.compressor.vips;

import java.util.Objects;

/// How libvips is loaded and run: the library (soname or path) and its worker threads per pipeline
/// (0 keeps libvips' default, one per core).
public record VipsConfig(String library, int threads) {
    public static final String DEFAULT_LIBRARY = "libvips.so.42";

    public VipsConfig {
        Objects.requireNonNull(library, "library");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 or more");
        }
    }
}
