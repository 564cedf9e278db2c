package io.compressor.pipeline;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/// Everything a request asks of the image, parsed and checked once. The pipeline reads only this.
public record ProcessOptions(Compression compression, OptionalInt quality, OutputFormat format,
        Optional<Resize> resize, Set<MetadataKind> metadata) {
    public static final ProcessOptions DEFAULTS = new ProcessOptions(Compression.HIGH, OptionalInt.empty(),
            OutputFormat.AUTO, Optional.empty(), Set.of());

    public ProcessOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(resize, "resize");
        metadata = metadata.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(metadata));
        if (quality.isPresent() && (quality.getAsInt() < 1 || quality.getAsInt() > 100)) {
            throw new IllegalArgumentException("quality is 1-100");
        }
    }

    public boolean keeps(MetadataKind kind) {
        return metadata.contains(MetadataKind.ALL) || metadata.contains(kind);
    }

    public ProcessOptions withFormat(OutputFormat newFormat) {
        return new ProcessOptions(compression, quality, newFormat, resize, metadata);
    }
}
