package io.compressor.job;

import io.compressor.storage.Acl;
import io.compressor.storage.StorageClass;
import java.util.Map;
import java.util.Objects;

/// A request's `store` object as parsed: the connector id and every field the client gave (null when
/// not given; the connector's defaults and API.md's defaults fill them in).
public record StoreRequest(String connectorId, String bucket, String region, String path, Acl acl,
        StorageClass storageClass, Map<String, String> metadata, Map<String, String> headers, Map<String, String> tags) {
    public StoreRequest {
        Objects.requireNonNull(connectorId, "connectorId");
        metadata = Map.copyOf(metadata);
        headers = Map.copyOf(headers);
        tags = Map.copyOf(tags);
    }
}
