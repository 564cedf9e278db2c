package io.compressor.storage.s3;

import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.ObjectKeys;
import io.compressor.storage.Provider;
import java.net.URI;

/// Where each S3-family provider is reached and how its object URLs read, in one place.
final class S3Addresses {
    private S3Addresses() {}

    /// The endpoint to send requests to, or null for AWS (the SDK knows it).
    static URI endpoint(ConnectorSpec spec, String region) {
        return switch (spec.provider()) {
            case AWS -> null;
            case DIGITALOCEAN -> URI.create("https://" + region + ".digitaloceanspaces.com");
            case BACKBLAZE -> URI.create("https://s3." + region + ".backblazeb2.com");
            case WASABI -> URI.create("https://s3." + region + ".wasabisys.com");
            case CLOUDFLARE -> URI.create("https://" + spec.endpoint() + ".r2.cloudflarestorage.com");
            case S3_COMPATIBLE -> URI.create(spec.endpoint());
            case AZURE -> throw new IllegalArgumentException("azure is not an S3 provider");
        };
    }

    /// The object's public address at the provider, as API.md shows it.
    static String objectUrl(ConnectorSpec spec, String bucket, String region, String key) {
        String path = ObjectKeys.encode(key);
        return switch (spec.provider()) {
            case AWS -> "https://" + bucket + ".s3." + region + ".amazonaws.com/" + path;
            case DIGITALOCEAN -> "https://" + bucket + "." + region + ".digitaloceanspaces.com/" + path;
            case BACKBLAZE -> "https://" + bucket + ".s3." + region + ".backblazeb2.com/" + path;
            case WASABI -> "https://" + bucket + ".s3." + region + ".wasabisys.com/" + path;
            case CLOUDFLARE -> "https://" + spec.endpoint() + ".r2.cloudflarestorage.com/" + bucket + "/" + path;
            case S3_COMPATIBLE -> spec.pathStyle() ? spec.endpoint() + "/" + bucket + "/" + path
                    : virtualHost(URI.create(spec.endpoint()), bucket) + "/" + path;
            case AZURE -> throw new IllegalArgumentException("azure is not an S3 provider");
        };
    }

    /// Region for providers that have none of their own.
    static String region(Provider provider, String region) {
        if (region != null && !region.isBlank()) {
            return region;
        }
        return provider == Provider.CLOUDFLARE ? "auto" : "us-east-1";
    }

    private static String virtualHost(URI endpoint, String bucket) {
        return endpoint.getScheme() + "://" + bucket + "." + endpoint.getRawAuthority();
    }
}
