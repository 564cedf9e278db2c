package io.compressor.storage.s3;

import io.compressor.error.ServiceException;
import io.compressor.storage.Acl;
import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.Redaction;
import io.compressor.storage.StorageConnector;
import io.compressor.storage.StoreOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.StorageClass;

/// Writes results to an S3-family bucket with the AWS SDK v2. Clients are made once per region.
/// Each body carries its Content-MD5 so the server verifies it; bodies over 16 MB go as multipart
/// and are aborted on failure, so a failed write leaves nothing at the key.
public final class S3Connector implements StorageConnector {
    static final int MULTIPART_THRESHOLD = 16 * 1024 * 1024;
    private static final int PART_SIZE = 8 * 1024 * 1024;
    private final ConnectorSpec spec;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    public S3Connector(ConnectorSpec spec) {
        this.spec = spec;
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }

    @Override
    public String put(StoreOptions o, byte[] body, String contentType) {
        String region = S3Addresses.region(spec.provider(), o.region());
        boolean acl = o.acl() != Acl.NONE;
        try {
            if (body.length > MULTIPART_THRESHOLD) {
                multipart(client(region), o, body, contentType);
            } else {
                client(region).putObject(request(o, contentType).contentMD5(md5(body)).build(), RequestBody.fromBytes(body));
            }
        } catch (SdkException e) {
            throw redacted(S3Errors.map(e, o.bucket(), region, acl, "write", "s3:PutObject"));
        } catch (java.io.UncheckedIOException e) {
            throw redacted(S3Errors.broken(e, o.bucket()));
        }
        return S3Addresses.objectUrl(spec, o.bucket(), region, o.key());
    }

    @Override
    public void verify(String bucket, String region) {
        String r = S3Addresses.region(spec.provider(), region);
        String key = ".compressor-probe-" + UUID.randomUUID();
        byte[] probe = "compressor connector test".getBytes(StandardCharsets.UTF_8);
        try {
            client(r).putObject(b -> b.bucket(bucket).key(key).contentType("text/plain").contentMD5(md5(probe)),
                    RequestBody.fromBytes(probe));
        } catch (SdkException e) {
            throw redacted(S3Errors.map(e, bucket, r, false, "write", "s3:PutObject"));
        }
        try {
            client(r).deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw redacted(S3Errors.map(e, bucket, r, false, "delete the probe object " + key, "s3:DeleteObject"));
        }
    }

    /// A provider's own text may echo the access key id (in a credential scope, say): never pass it on.
    private ServiceException redacted(ServiceException e) {
        String message = Redaction.without(e.getMessage(), spec.accessKeyId(), spec.secretAccessKey());
        return message.equals(e.getMessage()) ? e : new ServiceException(e.errorCode(), message);
    }

    private PutObjectRequest.Builder request(StoreOptions o, String contentType) {
        PutObjectRequest.Builder b = PutObjectRequest.builder().bucket(o.bucket()).key(o.key())
                .storageClass(StorageClass.fromValue(o.storageClass().name())).metadata(o.metadata());
        if (o.acl() != Acl.NONE) {
            b.acl(ObjectCannedACL.fromValue(o.acl().wireName()));
        }
        if (!o.tags().isEmpty()) {
            b.tagging(o.tags().entrySet().stream().map(t -> encode(t.getKey()) + "=" + encode(t.getValue()))
                    .collect(Collectors.joining("&")));
        }
        b.contentType(contentType);
        o.headers().forEach((name, value) -> {
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "cache-control" -> b.cacheControl(value);
                case "content-type" -> b.contentType(value);
                case "content-encoding" -> b.contentEncoding(value);
                case "content-language" -> b.contentLanguage(value);
                case "content-disposition" -> b.contentDisposition(value);
                case "expires" -> b.expires(httpDate(value));
                default -> throw new IllegalArgumentException("header " + name + " is not writable");
            }
        });
        return b;
    }

    private void multipart(S3Client client, StoreOptions o, byte[] body, String contentType) {
        PutObjectRequest put = request(o, contentType).build();
        String uploadId = client.createMultipartUpload(b -> b.bucket(o.bucket()).key(o.key()).acl(put.acl())
                .storageClass(put.storageClass()).metadata(put.metadata()).tagging(put.tagging())
                .contentType(put.contentType()).cacheControl(put.cacheControl()).contentEncoding(put.contentEncoding())
                .contentLanguage(put.contentLanguage()).contentDisposition(put.contentDisposition())
                .expires(put.expires())).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int offset = 0, number = 1; offset < body.length; offset += PART_SIZE, number++) {
                byte[] part = java.util.Arrays.copyOfRange(body, offset, Math.min(body.length, offset + PART_SIZE));
                int n = number;
                String etag = client.uploadPart(b -> b.bucket(o.bucket()).key(o.key()).uploadId(uploadId).partNumber(n)
                        .contentMD5(md5(part)), RequestBody.fromBytes(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
            }
            client.completeMultipartUpload(b -> b.bucket(o.bucket()).key(o.key()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(o.bucket()).key(o.key()).uploadId(uploadId));
            } catch (SdkException ignored) {
                // the provider's lifecycle rules clean up what an abort could not
            }
            throw e;
        }
    }

    /// The client for a region, made once (the spool uses it directly).
    S3Client client(String region) {
        return clients.computeIfAbsent(region, r -> S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)).build())
                .region(Region.of(r))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(spec.accessKeyId(), spec.secretAccessKey())))
                .endpointOverride(S3Addresses.endpoint(spec, r))
                .forcePathStyle(spec.pathStyle())
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(spec.checksumWhenRequired() ? RequestChecksumCalculation.WHEN_REQUIRED
                        : RequestChecksumCalculation.WHEN_SUPPORTED)
                .responseChecksumValidation(spec.checksumWhenRequired() ? ResponseChecksumValidation.WHEN_REQUIRED
                        : ResponseChecksumValidation.WHEN_SUPPORTED)
                .build());
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static java.time.Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Expires must be an HTTP date such as \"Wed, 21 Oct 2026 07:28:00 GMT\"");
        }
    }
}
