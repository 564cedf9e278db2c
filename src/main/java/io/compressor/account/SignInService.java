package io.compressor.account;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/// Dashboard sign-in: passwords (Argon2id hashes, a few at a time: `HashingLimit`), a lock-out after repeated
/// failures, and sessions whose tokens are stored only as hashes. An unknown email and a wrong password get the same
/// answer.
public final class SignInService {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final Duration SESSION = Duration.ofHours(12);
    static final int MIN_PASSWORD = 10;
    private static final String WRONG = "Wrong email or password.";

    private final SignInStore store;
    private final AccountService accounts;
    private final Clock clock;
    private final HashingLimit hashing;

    public SignInService(SignInStore store, AccountService accounts, Clock clock, HashingLimit hashing) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
        this.hashing = hashing;
    }

    /// Sets the account's dashboard password; this also lifts a lock-out.
    public void setPassword(String accountId, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "password: expected " + MIN_PASSWORD
                    + " to 200 characters");
        }
        Account account = accounts.require(accountId);
        if (account.email() == null) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "email: the account has no email to sign in with;"
                    + " give one with --email");
        }
        store.setPassword(account.id(), hashing.run(() -> Passwords.hash(password)));
    }

    /// A new session for the account with this email and password, or `unauthorized` saying why not.
    public Session signIn(String email, String password) {
        String cleanEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<SignInStore.Credentials> found = store.byEmail(cleanEmail).filter(c -> c.passwordHash() != null);
        if (found.isEmpty()) {
            hashing.run(() -> Passwords.hash(String.valueOf(password))); // as slow as checking a known account's password
            throw refused(WRONG);
        }
        SignInStore.Credentials credentials = found.get();
        Instant now = clock.instant();
        if (credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(now)) {
            throw refused(locked(credentials.lockedUntil(), now));
        }
        if (!hashing.run(() -> Passwords.matches(credentials.passwordHash(), String.valueOf(password)))) {
            if (store.recordFailure(credentials.accountId()) >= MAX_FAILURES) {
                store.lock(credentials.accountId(), now.plus(LOCK));
                throw refused(locked(now.plus(LOCK), now));
            }
            throw refused(WRONG);
        }
        store.clearFailures(credentials.accountId());
        String token = RandomTokens.urlSafe(32);
        Session session = new Session(token, credentials.accountId(), RandomTokens.urlSafe(24), now.plus(SESSION));
        store.insertSession(ApiKeyService.hash(token), session, now);
        return session;
    }

    /// The live session a cookie names.
    public Optional<Session> session(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return store.session(ApiKeyService.hash(token), clock.instant());
    }

    public void signOut(String token) {
        if (token != null && !token.isEmpty()) {
            store.deleteSession(ApiKeyService.hash(token));
        }
    }

    public int sweepSessions() {
        return store.deleteExpiredSessions(clock.instant());
    }

    private static String locked(Instant until, Instant now) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return "Too many failed sign-ins: this account is locked for " + minutes + " more minute"
                + (minutes == 1 ? "" : "s") + ". An operator can lift the lock by setting a new password"
                + " (`compressor accounts set-password`).";
    }

    private static ServiceException refused(String message) {
        return new ServiceException(ErrorCode.UNAUTHORIZED, message);
    }
}
