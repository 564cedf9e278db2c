package io.compressor.web;

import io.compressor.account.ApiKey;

/// An API key as listed: its first characters only.
public record KeyRow(String id, String prefix, String label, String created, String lastUsed, String revoked) {
    static KeyRow of(ApiKey k) {
        return new KeyRow(k.id(), k.prefix() + "…", k.label() == null ? "" : k.label(), Format.time(k.createdAt()),
                k.lastUsedAt() == null ? "never" : Format.time(k.lastUsedAt()), Format.time(k.revokedAt()));
    }
}
