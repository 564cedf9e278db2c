package io.compressor.app;

import io.compressor.account.Account;
import io.compressor.account.AccountService;
import io.compressor.account.ApiKeyService;
import io.compressor.account.IssuedKey;
import io.compressor.db.Database;
import java.util.Optional;

/// The first start on an empty database: one account and its API key, made by exactly one node however many start
/// together on it (a claim row, `first_start`, taken in the same transaction as the account and the key; the other
/// nodes wait for that transaction and then find it taken). A database that already has an account is left alone.
final class FirstStart {
    /// The account made, and its key, whose secret exists only here.
    record Welcome(Account account, IssuedKey key) {}

    private FirstStart() {}

    static Optional<Welcome> run(Database database, AccountService accounts, ApiKeyService keys) {
        // the services' store calls on this thread join the transaction's handle (Jdbi's per-thread handle scope)
        return database.jdbi().inTransaction(h -> {
            if (!accounts.claimFirstStart()) {
                return Optional.empty();
            }
            Account account = accounts.create("Default account", null);
            return Optional.of(new Welcome(account, keys.issue(account.id(), "created on first start")));
        });
    }
}
