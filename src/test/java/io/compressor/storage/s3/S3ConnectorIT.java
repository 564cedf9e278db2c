package io.compressor.storage.s3;

import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.Provider;
import io.compressor.storage.StorageConnector;
import io.compressor.storage.StorageContract;
import io.compressor.testing.TestS3;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/// The storage contract against a real Ceph RADOS Gateway that `scripts/test` starts on loopback.
class S3ConnectorIT extends StorageContract {
    static final String ENDPOINT = TestS3.endpoint();
    private static final S3Client ADMIN = TestS3.admin(ENDPOINT);

    static ConnectorSpec spec(String secret) {
        return new ConnectorSpec(UUID.randomUUID().toString(), Provider.S3_COMPATIBLE, ENDPOINT, true, true, "test", secret);
    }

    static String createBucket() {
        return TestS3.createBucket(ADMIN, "contract");
    }

    @Override
    protected StorageConnector connector() {
        return new S3Connector(spec("testsecret"));
    }

    @Override
    protected StorageConnector wrongCredentials() {
        return new S3Connector(spec("not-the-secret"));
    }

    @Override
    protected String freshBucket() {
        return createBucket();
    }

    @Override
    protected String region() {
        return "us-east-1";
    }

    @Override
    protected String objectUrl(String bucket, String key) {
        return ENDPOINT + "/" + bucket + "/" + key;
    }

    @Override
    protected Stored read(String bucket, String key) {
        var object = ADMIN.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        var head = ADMIN.headObject(b -> b.bucket(bucket).key(key));
        Map<String, String> headers = new HashMap<>();
        object.response().sdkHttpResponse().headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
        Map<String, String> tags = new HashMap<>();
        ADMIN.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
        return new Stored(object.asByteArray(), head.contentType(),
                head.storageClassAsString() == null ? "STANDARD" : head.storageClassAsString(), head.metadata(), headers, tags);
    }
}
