package io.compressor.storage.s3;

import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.Spool;
import io.compressor.storage.SpoolConfig;
import java.io.InputStream;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/// The spool in an S3 bucket, so that every node can run every queued job.
public final class S3Spool implements Spool {
    private final SpoolConfig config;
    private final S3Connector connector;

    public S3Spool(SpoolConfig config) {
        this.config = config;
        this.connector = new S3Connector(new ConnectorSpec("spool", config.provider(), config.endpoint(), true,
                config.provider() != io.compressor.storage.Provider.AWS, config.accessKeyId(), config.secretAccessKey()));
    }

    private String object(String key) {
        return config.prefix() + key;
    }

    /// Goes through a local temporary file: the SDK must be able to send the body again on a retry.
    @Override
    public String write(String key, InputStream in, long size) {
        java.nio.file.Path temporary = null;
        try {
            temporary = java.nio.file.Files.createTempFile("compressor-spool-", ".part");
            java.nio.file.Files.copy(in, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.nio.file.Path body = temporary;
            connector.client(config.region()).putObject(b -> b.bucket(config.bucket()).key(object(key)).metadata(Map.of()),
                    RequestBody.fromFile(body));
            return key;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot spool the input of job " + key, e);
        } finally {
            if (temporary != null) {
                temporary.toFile().delete();
            }
        }
    }

    @Override
    public long size(String key) {
        return connector.client(config.region()).headObject(b -> b.bucket(config.bucket()).key(object(key))).contentLength();
    }

    @Override
    public InputStream open(String key) {
        return connector.client(config.region()).getObject(b -> b.bucket(config.bucket()).key(object(key)));
    }

    @Override
    public java.util.List<String> writtenBefore(java.time.Instant cutoff) {
        return connector.client(config.region()).listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(config.prefix()))
                .contents().stream().filter(o -> o.lastModified().isBefore(cutoff))
                .map(o -> o.key().substring(config.prefix().length())).toList();
    }

    @Override
    public void delete(String key) {
        connector.client(config.region()).deleteObject(b -> b.bucket(config.bucket()).key(object(key)));
    }
}
