package io.compressor.storage;

import java.util.Map;
import java.util.Objects;

/// Where and how one result is written: the `store` object of a request, checked, with the
/// connector's defaults already applied. `key` is the final object key.
public record StoreOptions(String bucket, String region, String key, Acl acl, StorageClass storageClass,
        Map<String, String> metadata, Map<String, String> headers, Map<String, String> tags) {
    public StoreOptions {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(storageClass, "storageClass");
        metadata = Map.copyOf(metadata);
        headers = Map.copyOf(headers);
        tags = Map.copyOf(tags);
    }
}
