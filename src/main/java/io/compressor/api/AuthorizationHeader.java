package io.compressor.api;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/// Reads the API key from an `Authorization` header, as API.md allows: HTTP Basic with the key as
/// user name and an empty password (`curl -u KEY:`), or `Bearer KEY`. Pure, so it is tested by table.
final class AuthorizationHeader {
    private AuthorizationHeader() {}

    /// The key, or empty when there is no header; a header of any other shape is an `unauthorized` error.
    static Optional<String> apiKey(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.strip().split("\\s+", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
            throw malformed();
        }
        String scheme = parts[0];
        if (scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(parts[1]);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return Optional.of(basicUser(parts[1]));
        }
        throw malformed();
    }

    private static String basicUser(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        if (user.isEmpty()) {
            throw malformed();
        }
        return user;
    }

    private static ServiceException malformed() {
        return new ServiceException(ErrorCode.UNAUTHORIZED, "Malformed Authorization header: send the API key as"
                + " HTTP Basic user name with an empty password (curl -u KEY:) or as \"Authorization: Bearer KEY\"");
    }
}
