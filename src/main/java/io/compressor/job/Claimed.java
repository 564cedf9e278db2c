package io.compressor.job;

/// A job a worker has claimed, with its lease, and how many times it has been claimed in all.
public record Claimed(Job job, Queued queued, int attempts) {}
