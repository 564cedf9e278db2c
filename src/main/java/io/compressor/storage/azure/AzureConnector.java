package io.compressor.storage.azure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.compressor.error.ServiceException;
import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.ObjectKeys;
import io.compressor.storage.Redaction;
import io.compressor.storage.StorageConnector;
import io.compressor.storage.StoreOptions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/// Writes results to Azure Blob Storage with the official SDK. Credentials are the storage account's
/// name and either its key or a SAS token (a secret that starts with `sv=` or `?sv=`). Bodies over 16 MB
/// go as 8 MB blocks, committed only once all are in; each request carries its MD5.
public final class AzureConnector implements StorageConnector {
    static final long SINGLE_UPLOAD_LIMIT = 16L * 1024 * 1024;
    private final ConnectorSpec spec;
    private final BlobServiceClient service;

    public AzureConnector(ConnectorSpec spec) {
        this.spec = spec;
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().endpoint(endpoint(spec))
                .httpClient(new JdkHttpClientBuilder().build());
        String secret = spec.secretAccessKey();
        if (sas()) {
            builder.sasToken(secret);
        } else {
            builder.credential(new StorageSharedKeyCredential(spec.accessKeyId(), secret));
        }
        this.service = builder.buildClient();
    }

    /// `https://ACCOUNT.blob.core.windows.net`, or the connector's endpoint (the emulator's
    /// `http://HOST:PORT/ACCOUNT`).
    static String endpoint(ConnectorSpec spec) {
        return spec.endpoint() != null ? spec.endpoint() : "https://" + spec.accessKeyId() + ".blob.core.windows.net";
    }

    @Override
    public String put(StoreOptions o, byte[] body, String contentType) {
        BlobClient blob = service.getBlobContainerClient(o.bucket()).getBlobClient(o.key());
        BlobHttpHeaders headers = new BlobHttpHeaders().setContentType(contentType).setContentMd5(md5(body));
        o.headers().forEach((name, value) -> {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "cache-control" -> headers.setCacheControl(value);
                case "content-type" -> headers.setContentType(value);
                case "content-encoding" -> headers.setContentEncoding(value);
                case "content-language" -> headers.setContentLanguage(value);
                case "content-disposition" -> headers.setContentDisposition(value);
                default -> throw new IllegalArgumentException("Azure has no " + name + " header");
            }
        });
        BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromBytes(body)).setHeaders(headers)
                .setMetadata(o.metadata().isEmpty() ? null : o.metadata()).setComputeMd5(true)
                .setParallelTransferOptions(new ParallelTransferOptions().setBlockSizeLong(8L * 1024 * 1024)
                        .setMaxSingleUploadSizeLong(SINGLE_UPLOAD_LIMIT).setMaxConcurrency(2));
        try {
            blob.uploadWithResponse(options, Duration.ofMinutes(5), Context.NONE);
        } catch (BlobStorageException e) {
            throw redacted(AzureErrors.map(e, o.bucket(), "write", sas()));
        } catch (RuntimeException e) {
            throw redacted(AzureErrors.unreachable(e, o.bucket()));
        }
        return endpoint(spec) + "/" + o.bucket() + "/" + ObjectKeys.encode(o.key());
    }

    @Override
    public void verify(String container, String region) {
        BlobClient probe = service.getBlobContainerClient(container).getBlobClient(".compressor-probe-" + UUID.randomUUID());
        try {
            probe.upload(BinaryData.fromString("compressor connector test"));
        } catch (BlobStorageException e) {
            throw redacted(AzureErrors.map(e, container, "write", sas()));
        } catch (RuntimeException e) {
            throw redacted(AzureErrors.unreachable(e, container));
        }
        try {
            probe.delete();
        } catch (BlobStorageException e) {
            throw redacted(AzureErrors.map(e, container, "delete the probe blob", sas()));
        }
    }

    private boolean sas() {
        return spec.secretAccessKey().startsWith("sv=") || spec.secretAccessKey().startsWith("?sv=");
    }

    private ServiceException redacted(ServiceException e) {
        String message = Redaction.without(e.getMessage(), spec.secretAccessKey());
        return message.equals(e.getMessage()) ? e : new ServiceException(e.errorCode(), message);
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
