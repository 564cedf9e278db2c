package io.compressor.job;

/// One due webhook delivery attempt of a job.
public record Delivery(String id, String jobId, String url, int attempt) {}
