package io.compressor.job;

/// What an account did in one calendar month (UTC), as `/1.0/account` reports it.
public record Usage(String month, long requests, long inputBytes, long outputBytes, long bytesSaved) {}
