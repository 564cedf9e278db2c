package io.compressor.storage.s3;

import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.Provider;
import io.compressor.storage.StorageConnector;
import io.compressor.storage.StorageContract;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/// The storage contract against a real Ceph RADOS Gateway that `scripts/test` starts on loopback.
class S3ConnectorIT extends StorageContract {
    static final String ENDPOINT_VARIABLE = "COMPRESSOR_TEST_S3_ENDPOINT";
    static final String ENDPOINT = endpoint();
    private static final S3Client ADMIN = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
            .region(Region.US_EAST_1).endpointOverride(URI.create(ENDPOINT)).forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "testsecret")))
            .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();

    static String endpoint() {
        String value = System.getenv(ENDPOINT_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(ENDPOINT_VARIABLE + " is not set: run the suite with ./scripts/test, which"
                    + " starts a real S3 server (Ceph RGW) for it");
        }
        return value;
    }

    static ConnectorSpec spec(String secret) {
        return new ConnectorSpec(UUID.randomUUID().toString(), Provider.S3_COMPATIBLE, ENDPOINT, true, true, "test", secret);
    }

    static String createBucket() {
        String bucket = "contract-" + UUID.randomUUID().toString().substring(0, 13);
        ADMIN.createBucket(b -> b.bucket(bucket));
        return bucket;
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
