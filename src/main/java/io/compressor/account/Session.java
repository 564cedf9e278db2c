package io.compressor.account;

import java.time.Instant;
import java.util.Objects;

/// A signed-in dashboard browser. `token` is the cookie's value, known only when the session is made
/// (afterwards only its hash is kept); `csrfToken` goes into every form of the session.
public record Session(String token, String accountId, String csrfToken, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "Session[account=" + accountId + ", expires=" + expiresAt + "]";
    }
}
