package io.compressor.pipeline;

import java.util.List;
import java.util.Objects;

/// The image engine's configuration: the libvips builds to load, in order of preference (each image runs on the first
/// that reads its format), their threads per image, the input limits, and the native memory the images in progress
/// may hold together (`ProcessingMemory`).
public record EngineConfig(List<String> vipsLibraries, int vipsThreads, Limits limits, long processingMemory) {
    public EngineConfig {
        vipsLibraries = List.copyOf(vipsLibraries);
        if (vipsLibraries.isEmpty()) {
            throw new IllegalArgumentException("vipsLibraries: at least one");
        }
        Objects.requireNonNull(limits, "limits");
        if (processingMemory < 1) {
            throw new IllegalArgumentException("processingMemory: at least one byte");
        }
    }

    public EngineConfig(List<String> vipsLibraries, int vipsThreads, Limits limits) {
        this(vipsLibraries, vipsThreads, limits, ProcessingMemory.DEFAULT_BYTES);
    }

    public EngineConfig(String vipsLibrary, int vipsThreads, Limits limits) {
        this(List.of(vipsLibrary), vipsThreads, limits);
    }

    /// The builds a list names as `COMPRESSOR_VIPS_LIBRARY` writes it: sonames or paths separated by `:`; blanks dropped.
    public static List<String> libraries(String list) {
        return java.util.Arrays.stream(list.split(":")).map(String::strip).filter(library -> !library.isEmpty()).toList();
    }
}
