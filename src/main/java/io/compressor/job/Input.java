package io.compressor.job;

import java.util.Objects;

/// The bytes to process, where they came from (`upload` or `fetch`) and their file name.
public record Input(String source, String name, byte[] bytes) {
    public Input {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }
}
