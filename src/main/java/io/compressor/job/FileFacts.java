package io.compressor.job;

/// What the response says of an input or an output file: API.md's `input` and `output` objects.
public record FileFacts(String name, String type, String format, String mime, long size, String sha1, int width,
        int height) {}
