package io.compressor.storage;

import java.util.Locale;

/// Canned ACLs of the S3 family, plus `none`: send no ACL, for buckets with ACLs disabled.
public enum Acl {
    PRIVATE, PUBLIC_READ, PUBLIC_READ_WRITE, AUTHENTICATED_READ, BUCKET_OWNER_READ, BUCKET_OWNER_FULL_CONTROL, NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
