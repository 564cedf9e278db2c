package io.compressor.storage;

/// Makes the connector for a spec: the plug-in point of providers.
@FunctionalInterface
public interface StorageConnectors {
    StorageConnector open(ConnectorSpec spec);

    /// The connector was deleted: let go of anything kept open for it.
    default void forget(String connectorId) {}
}
