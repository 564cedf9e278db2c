package io.compressor.storage;

import java.util.Locale;

/// The storage providers a connector can name. All but Azure speak the S3 API.
public enum Provider {
    AWS("aws"), DIGITALOCEAN("digitalocean"), BACKBLAZE("backblaze"), CLOUDFLARE("cloudflare"), WASABI("wasabi"),
    S3_COMPATIBLE("s3-compatible"), AZURE("azure");

    private final String wireName;

    Provider(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Provider fromWire(String name) {
        for (Provider p : values()) {
            if (p.wireName.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /// Providers whose buckets live in a region that requests must name.
    public boolean needsRegion() {
        return this == AWS || this == BACKBLAZE || this == DIGITALOCEAN || this == WASABI;
    }

    /// Azure Blob Storage: containers, no object ACLs, storage classes or tags.
    public boolean azure() {
        return this == AZURE;
    }

    /// Providers reached at an endpoint the connector gives (for R2, the account id).
    public boolean needsEndpoint() {
        return this == S3_COMPATIBLE || this == CLOUDFLARE;
    }
}
