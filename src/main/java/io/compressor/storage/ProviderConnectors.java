package io.compressor.storage;

import java.util.function.Function;

/// Picks the connector implementation for a spec's provider: the S3 family or Azure.
public final class ProviderConnectors implements StorageConnectors {
    private final Function<ConnectorSpec, StorageConnector> s3;
    private final Function<ConnectorSpec, StorageConnector> azure;

    public ProviderConnectors(Function<ConnectorSpec, StorageConnector> s3, Function<ConnectorSpec, StorageConnector> azure) {
        this.s3 = s3;
        this.azure = azure;
    }

    @Override
    public StorageConnector open(ConnectorSpec spec) {
        return spec.provider().azure() ? azure.apply(spec) : s3.apply(spec);
    }
}
