package io.compressor.storage;

import java.util.Objects;

/// A spool bucket, from `COMPRESSOR_SPOOL_URL=s3://BUCKET/PREFIX` and its endpoint and credentials.
/// `toString` leaves the credentials out.
public record SpoolConfig(Provider provider, String endpoint, String region, String bucket, String prefix,
        String accessKeyId, String secretAccessKey) {
    public SpoolConfig {
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null || prefix.isEmpty() || prefix.endsWith("/") ? (prefix == null ? "" : prefix) : prefix + "/";
    }

    @Override
    public String toString() {
        return "SpoolConfig[s3://" + bucket + "/" + prefix + ", endpoint=" + endpoint + ", credentials=****]";
    }
}
