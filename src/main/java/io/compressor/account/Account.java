package io.compressor.account;

import java.time.Instant;
import java.util.Objects;

/// A customer of the service: the owner of API keys, connectors and jobs.
public record Account(String id, String name, String email, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
