package io.compressor.account;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// Issues, checks and revokes API keys. A secret is 240 random bits, so a fast SHA-256 is a safe
/// hash to store: there is nothing to brute-force that a slow hash would protect.
public final class ApiKeyService {
    static final String SECRET_PREFIX = "cmp_";
    private static final int PREFIX_LENGTH = 12;
    /// `last_used_at` is written at most this often per key, so authenticating is not a write per request.
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyStore keys;
    private final AccountService accounts;
    private final Clock clock;

    public ApiKeyService(ApiKeyStore keys, AccountService accounts, Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.clock = clock;
    }

    public IssuedKey issue(String accountId, String label) {
        accounts.require(accountId);
        String secret = SECRET_PREFIX + RandomTokens.urlSafe(30);
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), accountId, secret.substring(0, PREFIX_LENGTH),
                cleanLabel, clock.instant(), null, null);
        keys.insert(key, hash(secret));
        return new IssuedKey(key, secret);
    }

    /// The account behind a live key, or empty for an unknown or revoked one.
    public Optional<Account> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.findByHash(hash(secret)).filter(k -> !k.revoked());
        key.ifPresent(this::touch);
        return key.flatMap(k -> accounts.find(k.accountId()));
    }

    public List<ApiKey> list(String accountId) {
        accounts.require(accountId);
        return keys.listByAccount(accountId);
    }

    public ApiKey revoke(String keyId) {
        if (!keys.revoke(keyId, clock.instant())) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No API key with id \"" + keyId
                    + "\"; `compressor keys list` shows them");
        }
        return keys.find(keyId).orElseThrow();
    }

    /// Revokes a key of this account; another account's key is `not_found`, as if it did not exist.
    public ApiKey revoke(String accountId, String keyId) {
        boolean owned = keys.find(keyId).filter(k -> k.accountId().equals(accountId)).isPresent();
        if (!owned) {
            throw new ServiceException(ErrorCode.NOT_FOUND, "No API key with id \"" + keyId + "\" in this account");
        }
        return revoke(keyId);
    }

    private void touch(ApiKey key) {
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            keys.touch(key.id(), now);
        }
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
