package io.compressor.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/// One delivery attempt of a job's webhook: when, what the receiver answered (`status`) or why nothing arrived.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookAttempt(int attempt, Instant at, Integer status, String error, boolean delivered) {}
