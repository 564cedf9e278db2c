package io.compressor.storage.azure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.Provider;
import io.compressor.storage.StorageConnector;
import io.compressor.storage.StorageContract;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/// The storage contract against Azurite, the official Azure Blob emulator that `scripts/test` starts.
/// Cases about S3-only features are skipped here with the reason printed.
class AzureConnectorIT extends StorageContract {
    static final String ACCOUNT = "devstoreaccount1";
    /// Azurite's published development key (not a secret).
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    static final String ENDPOINT = endpoint();
    private static final BlobServiceClient ADMIN = new BlobServiceClientBuilder().endpoint(ENDPOINT)
            .credential(new StorageSharedKeyCredential(ACCOUNT, KEY)).httpClient(new JdkHttpClientBuilder().build())
            .buildClient();

    static String endpoint() {
        return io.compressor.testing.TestEnvironment.required("COMPRESSOR_TEST_AZURE_ENDPOINT", "Azurite (Azure Blob)");
    }

    private static ConnectorSpec spec(String key) {
        return new ConnectorSpec(UUID.randomUUID().toString(), Provider.AZURE, ENDPOINT, true, true, ACCOUNT, key);
    }

    @Override
    protected StorageConnector connector() {
        return new AzureConnector(spec(KEY));
    }

    @Override
    protected StorageConnector wrongCredentials() {
        return new AzureConnector(spec(java.util.Base64.getEncoder().encodeToString(new byte[64])));
    }

    @Override
    protected String wrongCredentialsMessage() {
        return "did not accept the connector's credentials";
    }

    @Override
    protected String freshBucket() {
        String container = "contract-" + UUID.randomUUID().toString().substring(0, 12);
        ADMIN.createBlobContainer(container);
        return container;
    }

    @Override
    protected String region() {
        return null;
    }

    @Override
    protected String objectUrl(String bucket, String key) {
        return ENDPOINT + "/" + bucket + "/" + key;
    }

    @Override
    protected boolean publicObjects() {
        return false;
    }

    @Override
    protected Stored read(String bucket, String key) {
        var blob = ADMIN.getBlobContainerClient(bucket).getBlobClient(key);
        var properties = blob.getProperties();
        Map<String, String> headers = new HashMap<>();
        put(headers, "cache-control", properties.getCacheControl());
        put(headers, "content-disposition", properties.getContentDisposition());
        put(headers, "content-language", properties.getContentLanguage());
        put(headers, "content-encoding", properties.getContentEncoding());
        return new Stored(blob.downloadContent().toBytes(), properties.getContentType(), null, properties.getMetadata(),
                headers, Map.of());
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    @Override
    @org.junit.jupiter.api.Test
    protected void aclsAreEnforced() {
        Assumptions.abort("Azure has no object ACLs (public access is a container setting); store.acl is refused"
                + " with 400 for azure connectors");
    }

    @Override
    @org.junit.jupiter.api.Test
    protected void storageClassTagsAndExpiresAreStored() {
        Assumptions.abort("API.md gives Azure no storage class, tags or Expires header; each is refused with 400"
                + " for azure connectors");
    }

    @org.junit.jupiter.api.Test
    void aSasTokenWritesWithItsPermissionsAndIsRefusedWithoutThem() {
        String container = freshBucket();
        var client = ADMIN.getBlobContainerClient(container);
        java.time.OffsetDateTime expiry = java.time.OffsetDateTime.now().plusHours(1);
        String writeSas = client.generateSas(new com.azure.storage.blob.sas.BlobServiceSasSignatureValues(expiry,
                com.azure.storage.blob.sas.BlobContainerSasPermission.parse("racwd")));
        String readSas = client.generateSas(new com.azure.storage.blob.sas.BlobServiceSasSignatureValues(expiry,
                com.azure.storage.blob.sas.BlobContainerSasPermission.parse("r")));
        org.assertj.core.api.Assertions.assertThat(writeSas).startsWith("sv=");
        new AzureConnector(spec(writeSas)).put(options(container, "sas/ok.jpg", io.compressor.storage.Acl.NONE),
                new byte[] {4, 2}, "image/jpeg");
        org.assertj.core.api.Assertions.assertThat(read(container, "sas/ok.jpg").body()).containsExactly(4, 2);
        new AzureConnector(spec(writeSas)).verify(container, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AzureConnector(spec(readSas))
                        .put(options(container, "sas/no.jpg", io.compressor.storage.Acl.NONE), new byte[] {1}, "image/jpeg"))
                .isInstanceOfSatisfying(io.compressor.error.ServiceException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("storage_denied"))
                .hasMessageContaining("a SAS token needs the create and write permissions")
                .hasMessageNotContaining(readSas);
    }
}
