package io.compressor.fetch;

/// A downloaded source: its bytes and the file name taken from the URL's last path segment.
public record Fetched(String name, byte[] bytes) {}
