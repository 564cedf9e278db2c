package io.compressor.db;

import io.compressor.account.ApiKey;
import io.compressor.account.ApiKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/// API keys in the `api_keys` table, found by the hash of their secret.
public final class SqlApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS =
            "SELECT id, account_id, prefix, label, created_at, last_used_at, revoked_at FROM api_keys";
    private final Jdbi jdbi;

    public SqlApiKeyStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void insert(ApiKey key, String secretHash) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, account_id, prefix, secret_hash, label, created_at)"
                        + " VALUES (:id, :accountId, :prefix, :hash, :label, :createdAt)")
                .bindMethods(key)
                .bind("hash", secretHash)
                .execute());
    }

    @Override
    public Optional<ApiKey> findByHash(String secretHash) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE secret_hash = :hash").bind("hash", secretHash)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<ApiKey> listByAccount(String accountId) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE account_id = :account ORDER BY created_at, id")
                .bind("account", accountId).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public boolean revoke(String id, Instant when) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :when) WHERE id = :id")
                .bind("when", when).bind("id", id).execute()) == 1;
    }

    @Override
    public void touch(String id, Instant when) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :when WHERE id = :id")
                .bind("when", when).bind("id", id).execute());
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("account_id"), rs.getString("prefix"),
                rs.getString("label"), Columns.instant(rs, "created_at"), Columns.instant(rs, "last_used_at"),
                Columns.instant(rs, "revoked_at"));
    }
}
