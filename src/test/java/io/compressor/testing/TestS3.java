package io.compressor.testing;

import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/// The real S3 server of the tests: the Ceph RGW that `scripts/test` starts and names in
/// `COMPRESSOR_TEST_S3_ENDPOINT`, seen through its owner's client (user `test`).
public final class TestS3 {
    public static final String VARIABLE = "COMPRESSOR_TEST_S3_ENDPOINT";

    private TestS3() {}

    public static String endpoint() {
        return TestEnvironment.required(VARIABLE, "a real S3 server (Ceph RGW)");
    }

    /// A client of the gateway as its owner, with the settings Ceph needs.
    public static S3Client admin(String endpoint) {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "testsecret")))
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    public static S3Client admin() {
        return admin(endpoint());
    }

    /// A new bucket named `prefix-<random>`.
    public static String createBucket(S3Client admin, String prefix) {
        String bucket = prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
        admin.createBucket(b -> b.bucket(bucket));
        return bucket;
    }
}
