package io.compressor.db;

import io.compressor.account.Account;
import io.compressor.account.AccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/// Accounts in the `accounts` table.
public final class SqlAccountStore implements AccountStore {
    private static final String COLUMNS = "SELECT id, name, email, created_at FROM accounts";
    private final Jdbi jdbi;

    public SqlAccountStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void insert(Account account) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO accounts (id, name, email, created_at) VALUES (:id, :name, :email, :createdAt)")
                .bindMethods(account)
                .execute());
    }

    @Override
    public Optional<Account> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE email = :email").bind("email", email)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Account> list() {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " ORDER BY created_at, id")
                .map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public void setEmail(String accountId, String email) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET email = :email WHERE id = :id")
                .bind("email", email).bind("id", accountId).execute());
    }

    @Override
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
    }

    @Override
    public boolean claimFirstStart(java.time.Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO first_start (singleton, claimed_at) VALUES (1, :now)"
                + " ON CONFLICT (singleton) DO NOTHING").bind("now", now).execute()) == 1;
    }

    @Override
    public Optional<String> webhookSecret(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(webhook_secret_sealed, webhook_secret) FROM accounts"
                + " WHERE id = :id").bind("id", accountId).mapTo(String.class).findOne());
    }

    @Override
    public void setWebhookSecret(String accountId, String secret) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET webhook_secret_sealed = :secret, webhook_secret = NULL"
                + " WHERE id = :id").bind("secret", secret).bind("id", accountId).execute());
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("name"), rs.getString("email"),
                Columns.instant(rs, "created_at"));
    }
}
