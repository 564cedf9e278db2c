package io.compressor.pipeline;

import java.util.List;
import java.util.Objects;

/// The image engine's configuration: the libvips builds to load, in order of preference (each image runs on the first
/// that reads its format), their threads per image, and the input limits.
public record EngineConfig(List<String> vipsLibraries, int vipsThreads, Limits limits) {
    public EngineConfig {
        vipsLibraries = List.copyOf(vipsLibraries);
        if (vipsLibraries.isEmpty()) {
            throw new IllegalArgumentException("vipsLibraries: at least one");
        }
        Objects.requireNonNull(limits, "limits");
    }

    public EngineConfig(String vipsLibrary, int vipsThreads, Limits limits) {
        this(List.of(vipsLibrary), vipsThreads, limits);
    }

    /// The builds a list names as `COMPRESSOR_VIPS_LIBRARY` writes it: sonames or paths separated by `:`; blanks dropped.
    public static List<String> libraries(String list) {
        return java.util.Arrays.stream(list.split(":")).map(String::strip).filter(library -> !library.isEmpty()).toList();
    }
}
