package io.compressor.storage;

/// Makes the connector for a spec: the plug-in point of providers.
@FunctionalInterface
public interface StorageConnectors {
    StorageConnector open(ConnectorSpec spec);
}
