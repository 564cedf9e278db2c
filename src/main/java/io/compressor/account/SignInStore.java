package io.compressor.account;

import java.time.Instant;
import java.util.Optional;

/// Persistence of dashboard passwords, lock-outs and sessions; `db` implements it.
public interface SignInStore {
    /// What sign-in needs to know of the account with this email.
    record Credentials(String accountId, String passwordHash, Instant lockedUntil) {}

    Optional<Credentials> byEmail(String email);

    /// Sets the hash and clears failures and any lock.
    void setPassword(String accountId, String passwordHash);

    /// Counts a failed attempt and returns the failures in a row, this one included.
    int recordFailure(String accountId);

    /// Locks the account until `until` and starts counting failures afresh.
    void lock(String accountId, Instant until);

    void clearFailures(String accountId);

    void insertSession(String tokenHash, Session session, Instant createdAt);

    /// The unexpired session whose token has this hash (its `token` is null).
    Optional<Session> session(String tokenHash, Instant now);

    void deleteSession(String tokenHash);

    int deleteExpiredSessions(Instant now);
}
