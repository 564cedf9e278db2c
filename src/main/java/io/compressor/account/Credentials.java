package io.compressor.account;

import java.util.Objects;

/// A connector's access key id and secret. Never shown: `toString` masks both, and `hint` gives
/// only the last four characters of the key id, as the dashboard lists it.
public record Credentials(String accessKeyId, String secretAccessKey) {
    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    public String hint() {
        return "••••" + accessKeyId.substring(Math.max(0, accessKeyId.length() - 4));
    }

    @Override
    public String toString() {
        return "Credentials[" + hint() + ", secret=****]";
    }
}
