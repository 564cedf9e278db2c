package io.compressor.account;

import java.security.SecureRandom;
import java.util.Base64;

/// Unguessable strings for secrets and tokens: random bytes from one shared `SecureRandom`, base64url
/// without padding (safe in URLs, headers, cookies and forms).
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {}

    public static String urlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
