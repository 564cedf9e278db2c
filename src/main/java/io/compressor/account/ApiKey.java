package io.compressor.account;

import java.time.Instant;
import java.util.Objects;

/// What is known of an API key after it was issued: never the secret, only its first characters.
public record ApiKey(String id, String accountId, String prefix, String label, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
