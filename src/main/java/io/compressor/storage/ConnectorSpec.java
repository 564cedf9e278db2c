package io.compressor.storage;

import java.util.Objects;

/// What a storage connector needs to reach a provider: where, and with which credentials.
/// `toString` never shows the credentials.
public record ConnectorSpec(String id, Provider provider, String endpoint, boolean pathStyle,
        boolean checksumWhenRequired, String accessKeyId, String secretAccessKey) {
    public ConnectorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "ConnectorSpec[id=" + id + ", provider=" + provider.wireName() + ", endpoint=" + endpoint
                + ", pathStyle=" + pathStyle + ", credentials=****]";
    }
}
