package io.compressor.pipeline;

import java.util.Objects;

/// The image engine's configuration: which libvips to load, its threads per image, and the input limits.
public record EngineConfig(String vipsLibrary, int vipsThreads, Limits limits) {
    public EngineConfig {
        Objects.requireNonNull(vipsLibrary, "vipsLibrary");
        Objects.requireNonNull(limits, "limits");
    }
}
