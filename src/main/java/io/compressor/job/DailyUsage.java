package io.compressor.job;

import java.time.LocalDate;

/// One UTC day of an account's activity: requests made and bytes saved by the completed ones.
public record DailyUsage(LocalDate day, long requests, long bytesSaved) {}
