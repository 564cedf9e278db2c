package io.compressor.account;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// Creates and finds accounts. Names and emails are checked here, once, for the CLI and the API alike.
public final class AccountService {
    private final AccountStore store;
    private final Clock clock;

    public AccountService(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Account create(String name, String email) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "name: expected 1 to 200 characters");
        }
        String cleanEmail = email == null || email.isBlank() ? null : freeEmail(email);
        Account account = new Account(UUID.randomUUID().toString(), cleanName, cleanEmail, clock.instant());
        store.insert(account);
        return account;
    }

    /// Gives the account the email it signs in to the dashboard with.
    public Account setEmail(String accountId, String email) {
        Account account = require(accountId);
        String clean = freeEmail(email == null ? "" : email);
        store.setEmail(account.id(), clean);
        return require(account.id());
    }

    /// The account with this id, or else with this email.
    public Account requireByIdOrEmail(String idOrEmail) {
        return store.find(idOrEmail).or(() -> store.findByEmail(idOrEmail.strip().toLowerCase(java.util.Locale.ROOT)))
                .orElseThrow(() -> new ServiceException(ErrorCode.NOT_FOUND, "No account with id or email \""
                        + idOrEmail + "\"; `compressor accounts list` shows them"));
    }

    private String freeEmail(String email) {
        String clean = email.strip().toLowerCase(java.util.Locale.ROOT);
        if (!clean.matches("[^@\\s]+@[^@\\s]+")) {
            throw new ServiceException(ErrorCode.INVALID_OPTION,
                    "email: expected an address like name@example.com but received \"" + email + "\"");
        }
        if (store.findByEmail(clean).isPresent()) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "email: an account with \"" + clean + "\" already exists");
        }
        return clean;
    }

    public Optional<Account> find(String id) {
        return store.find(id);
    }

    public Account require(String id) {
        return store.find(id).orElseThrow(() -> new ServiceException(ErrorCode.NOT_FOUND,
                "No account with id \"" + id + "\"; `compressor accounts list` shows them"));
    }

    public List<Account> list() {
        return store.list();
    }

    /// The key that signs this account's webhooks, made on first use.
    public synchronized String webhookSecret(String accountId) {
        require(accountId);
        return store.webhookSecret(accountId).orElseGet(() -> rotateWebhookSecret(accountId));
    }

    /// A new webhook key; deliveries from now on are signed with it.
    public synchronized String rotateWebhookSecret(String accountId) {
        String secret = "whsec_" + RandomTokens.urlSafe(24);
        store.setWebhookSecret(require(accountId).id(), secret);
        return secret;
    }

    public boolean none() {
        return store.count() == 0;
    }
}
