package io.compressor.job;

import java.io.InputStream;
import java.util.Objects;

/// The bytes to process as a stream of a known size (an upload's part, or a download), where they
/// came from (`upload` or `fetch`) and their file name. The job reads it once and closes it.
public record Input(String source, String name, long size, InputStream stream) {
    public Input {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stream, "stream");
    }

    public static Input of(String source, String name, byte[] bytes) {
        return new Input(source, name, bytes.length, new java.io.ByteArrayInputStream(bytes));
    }
}
