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
        String cleanEmail = email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (cleanEmail != null && !cleanEmail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new ServiceException(ErrorCode.INVALID_OPTION,
                    "email: expected an address like name@example.com but received \"" + email + "\"");
        }
        if (cleanEmail != null && store.findByEmail(cleanEmail).isPresent()) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "email: an account with \"" + cleanEmail
                    + "\" already exists");
        }
        Account account = new Account(UUID.randomUUID().toString(), cleanName, cleanEmail, clock.instant());
        store.insert(account);
        return account;
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
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        String secret = "whsec_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.setWebhookSecret(require(accountId).id(), secret);
        return secret;
    }

    public boolean none() {
        return store.count() == 0;
    }
}
