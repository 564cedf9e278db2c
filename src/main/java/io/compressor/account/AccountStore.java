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

    Optional<String> webhookSecret(String accountId);

    void setWebhookSecret(String accountId, String secret);
}
