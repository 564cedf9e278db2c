package io.compressor.account;

import java.util.List;
import java.util.Optional;

/// Persistence of accounts; `db` implements it.
public interface AccountStore {
    void insert(Account account);

    Optional<Account> find(String id);

    Optional<Account> findByEmail(String email);

    List<Account> list();

    void setEmail(String accountId, String email);

    long count();

    /// Claims the first start of the database: true for the one caller that inserts its single row, false once it is
    /// there. Waits for a transaction that is claiming it to end.
    boolean claimFirstStart(java.time.Instant now);

    /// The account's webhook secret as stored: sealed, or in clear when an older version stored it.
    Optional<String> webhookSecret(String accountId);

    /// Stores a sealed webhook secret, and forgets any clear one.
    void setWebhookSecret(String accountId, String sealed);
}
