package io.compressor.account;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// Creates and finds accounts. Names and emails are checked here, once, for the CLI and the API alike.
/// Webhook secrets are kept sealed under the master key (`SecretBox`), as connector credentials are.
public final class AccountService {
    /// How a sealed webhook secret starts in the database; a value without it is a clear one from before sealing.
    static final String SEALED = "sealed:";
    private final AccountStore store;
    private final Clock clock;
    private SecretBox box;

    public AccountService(AccountStore store, SecretBox box, Clock clock) {
        this.store = store;
        this.box = box;
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

    /// The key that signs this account's webhooks, made on first use. A secret stored in clear (before secrets were
    /// sealed) is sealed now.
    public synchronized String webhookSecret(String accountId) {
        require(accountId);
        Optional<String> stored = store.webhookSecret(accountId);
        if (stored.isEmpty()) {
            return rotateWebhookSecret(accountId);
        }
        String secret = clear(accountId, stored.get());
        if (!stored.get().startsWith(SEALED)) {
            store.setWebhookSecret(accountId, seal(box, accountId, secret));
        }
        return secret;
    }

    /// A new webhook key; deliveries from now on are signed with it.
    public synchronized String rotateWebhookSecret(String accountId) {
        String secret = "whsec_" + RandomTokens.urlSafe(24);
        store.setWebhookSecret(require(accountId).id(), seal(box, accountId, secret));
        return secret;
    }

    /// Seals every account's webhook secret under a new master key (`compressor connectors rotate-key`); returns how
    /// many there were.
    public synchronized int rotate(SecretBox next) {
        int count = 0;
        for (Account account : store.list()) {
            Optional<String> stored = store.webhookSecret(account.id());
            if (stored.isPresent()) {
                store.setWebhookSecret(account.id(), seal(next, account.id(), clear(account.id(), stored.get())));
                count++;
            }
        }
        box = next;
        return count;
    }

    /// Whether `candidate` is the key the webhook secrets are sealed under: empty when no account has a sealed one.
    public Optional<Boolean> sealedUnder(SecretBox candidate) {
        for (Account account : store.list()) {
            Optional<String> stored = store.webhookSecret(account.id()).filter(s -> s.startsWith(SEALED));
            if (stored.isPresent()) {
                return Optional.of(candidate.opens(sealedBytes(stored.get()), aad(account.id())));
            }
        }
        return Optional.empty();
    }

    private static String seal(SecretBox box, String accountId, String secret) {
        return SEALED + Base64.getEncoder().encodeToString(box.seal(secret.getBytes(StandardCharsets.UTF_8), aad(accountId)));
    }

    /// The secret in clear, from a value as stored: sealed, or clear from an older version.
    private String clear(String accountId, String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        return new String(box.open(sealedBytes(stored), aad(accountId)), StandardCharsets.UTF_8);
    }

    private static byte[] sealedBytes(String stored) {
        return Base64.getDecoder().decode(stored.substring(SEALED.length()));
    }

    /// Binds a sealed secret to its account, so that one copied to another row does not open.
    private static String aad(String accountId) {
        return "webhook-secret:" + accountId;
    }

    public boolean none() {
        return store.count() == 0;
    }

    /// Whether the caller may create the database's first account: no other node has claimed the first start, and
    /// there is no account. Run it in the transaction that creates the account, so that a claim never outlives a
    /// failed start. The claim is written first, so that SQLite takes its write lock before anything is read.
    public boolean claimFirstStart() {
        return store.claimFirstStart(clock.instant()) && none();
    }
}
