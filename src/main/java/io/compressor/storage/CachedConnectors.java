package io.compressor.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/// One provider client per connector, made on first use and kept until the connector is deleted: clients hold
/// connection pools.
public final class CachedConnectors implements StorageConnectors {
    private final StorageConnectors factory;
    private final Map<String, StorageConnector> open = new ConcurrentHashMap<>();

    public CachedConnectors(StorageConnectors factory) {
        this.factory = factory;
    }

    @Override
    public StorageConnector open(ConnectorSpec spec) {
        return open.computeIfAbsent(spec.id(), id -> factory.open(spec));
    }

    @Override
    public void forget(String connectorId) {
        StorageConnector gone = open.remove(connectorId);
        if (gone != null) {
            gone.close();
        }
    }
}
