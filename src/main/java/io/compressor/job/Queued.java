package io.compressor.job;

/// What a queued job carries besides its row: the request to run, where to call back, the public base
/// of hosted URLs, and the key of its spooled input.
public record Queued(String request, String webhookUrl, String publicBase, String spoolKey) {}
