package io.compressor.db;

import io.compressor.account.Session;
import io.compressor.account.SignInStore;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/// Dashboard passwords and lock-outs in `accounts`, sessions in `dashboard_sessions`.
public final class SqlSignInStore implements SignInStore {
    private final Jdbi jdbi;

    public SqlSignInStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public Optional<Credentials> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, password_hash, locked_until FROM accounts WHERE email = :email")
                .bind("email", email)
                .map((rs, ctx) -> new Credentials(rs.getString("id"), rs.getString("password_hash"),
                        Columns.instant(rs, "locked_until"))).findOne());
    }

    @Override
    public void setPassword(String accountId, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET password_hash = :hash, failed_sign_ins = 0,"
                + " locked_until = NULL WHERE id = :id").bind("hash", passwordHash).bind("id", accountId).execute());
    }

    @Override
    public int recordFailure(String accountId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = :id")
                    .bind("id", accountId).execute();
            return h.createQuery("SELECT failed_sign_ins FROM accounts WHERE id = :id").bind("id", accountId)
                    .mapTo(Integer.class).one();
        });
    }

    @Override
    public void lock(String accountId, Instant until) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET failed_sign_ins = 0, locked_until = :until WHERE id = :id")
                .bind("until", until).bind("id", accountId).execute());
    }

    @Override
    public void clearFailures(String accountId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET failed_sign_ins = 0 WHERE id = :id")
                .bind("id", accountId).execute());
    }

    @Override
    public void insertSession(String tokenHash, Session session, Instant createdAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO dashboard_sessions (token_hash, account_id, csrf_token, created_at,"
                        + " expires_at) VALUES (:hash, :account, :csrf, :created, :expires)")
                .bind("hash", tokenHash).bind("account", session.accountId()).bind("csrf", session.csrfToken())
                .bind("created", createdAt).bind("expires", session.expiresAt()).execute());
    }

    @Override
    public Optional<Session> session(String tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id, csrf_token, expires_at FROM dashboard_sessions"
                        + " WHERE token_hash = :hash AND expires_at > :now").bind("hash", tokenHash).bind("now", now)
                .map((rs, ctx) -> new Session(null, rs.getString("account_id"), rs.getString("csrf_token"),
                        Columns.instant(rs, "expires_at"))).findOne());
    }

    @Override
    public void deleteSession(String tokenHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM dashboard_sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute());
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM dashboard_sessions WHERE expires_at <= :now")
                .bind("now", now).execute());
    }
}
