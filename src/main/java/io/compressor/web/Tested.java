package io.compressor.web;

/// How "Test connection" went for one connector, in words.
public record Tested(String id, boolean ok, String message) {}
