package io.compressor.account;

import io.compressor.storage.Acl;
import io.compressor.storage.Provider;
import java.time.Instant;
import java.util.Objects;

/// A storage connector of an account: the provider and where to reach it, with defaults for requests.
/// The credentials are kept apart, sealed; `keyHint` is all of them that may be shown.
public record Connector(String id, String accountId, String name, Provider provider, String endpoint, boolean pathStyle,
        boolean checksumWhenRequired, Defaults defaults, String keyHint, Instant createdAt) {
    public Connector {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /// What a request's `store` falls back to; each may be null.
    public record Defaults(String bucket, String region, String pathPrefix, Acl acl) {
        public static final Defaults NONE = new Defaults(null, null, null, null);
    }
}
