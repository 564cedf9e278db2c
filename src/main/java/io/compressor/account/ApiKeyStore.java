package io.compressor.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/// Persistence of API keys by the hash of their secret; `db` implements it.
public interface ApiKeyStore {
    void insert(ApiKey key, String secretHash);

    Optional<ApiKey> findByHash(String secretHash);

    Optional<ApiKey> find(String id);

    List<ApiKey> listByAccount(String accountId);

    /// Marks the key revoked at `when`; false when no such key exists.
    boolean revoke(String id, Instant when);

    void touch(String id, Instant when);
}
