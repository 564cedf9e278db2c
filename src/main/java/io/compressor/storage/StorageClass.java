package io.compressor.storage;

import java.util.Locale;

/// Storage tiers as API.md names them; `storage/s3` maps each to the S3 header value in one place.
public enum StorageClass {
    STANDARD, REDUCED_REDUNDANCY, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER, DEEP_ARCHIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
