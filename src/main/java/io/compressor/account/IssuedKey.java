package io.compressor.account;

/// A key just issued: the only moment its clear secret exists. Show it once, then drop it.
/// `toString` masks the secret so that it cannot reach a log by accident.
public record IssuedKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "IssuedKey[key=" + key + ", secret=****]";
    }
}
