package io.compressor.app;

import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.compressor.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// An azure connector through the API against Azurite: a result lands in the container, and the
/// store options Azure does not have are each a 400 that says so.
class AzureStoreApiIT {
    private static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    @TempDir
    Path dir;

    @Test
    void storesIntoAContainerAndRefusesAclClassAndTags() {
        String endpoint = System.getenv("COMPRESSOR_TEST_AZURE_ENDPOINT");
        assertThat(endpoint).as("run ./scripts/test, which starts Azurite").isNotNull();
        BlobServiceClient admin = new BlobServiceClientBuilder().endpoint(endpoint)
                .credential(new StorageSharedKeyCredential("devstoreaccount1", KEY))
                .httpClient(new JdkHttpClientBuilder().build()).buildClient();
        String container = "api-" + UUID.randomUUID().toString().substring(0, 12);
        admin.createBlobContainer(container);
        try (Application app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0",
                "COMPRESSOR_DATA_DIR", dir.toString())))) {
            var server = app.httpServer().start();
            try {
                String key = app.keys().issue(app.accounts().create("Azure", null).id(), "t").secret();
                Http http = new Http(server.publicUrl());
                HttpResponse<String> created = http.postJson("/1.0/connectors", key, """
                        {"name": "Blob", "provider": "azure", "endpoint": "%s",
                         "credentials": {"access_key_id": "devstoreaccount1", "secret_access_key": "%s"}}"""
                        .formatted(endpoint, KEY));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(created.body()).doesNotContain(KEY);
                String id = json(created).get("id").asText();

                HttpResponse<String> stored = http.upload("/1.0/upload", key, "photo.jpg", ProcessingApiIT.jpeg(400, 300),
                        "{\"image\":{\"format\":\"webp\"},\"store\":{\"id\":\"" + id + "\",\"container\":\"" + container
                                + "\",\"path\":\"web/\",\"metadata\":{\"k\":\"v\"},\"headers\":{\"Cache-Control\":\"max-age=60\"}}}");
                assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
                assertThat(json(stored).get("url").asText()).isEqualTo(endpoint + "/" + container + "/web/photo.webp");
                var properties = admin.getBlobContainerClient(container).getBlobClient("web/photo.webp").getProperties();
                assertThat(properties.getContentType()).isEqualTo("image/webp");
                assertThat(properties.getCacheControl()).isEqualTo("max-age=60");
                assertThat(properties.getMetadata()).containsEntry("k", "v");
                assertThat(properties.getBlobSize()).isEqualTo(json(stored).at("/output/size").asLong());

                for (String extra : new String[] {"\"acl\":\"public-read\"", "\"class\":\"glacier\"", "\"tags\":{\"a\":\"b\"}",
                        "\"headers\":{\"Expires\":\"Wed, 21 Oct 2026 07:28:00 GMT\"}"}) {
                    HttpResponse<String> refused = http.upload("/1.0/upload", key, "photo.jpg", ProcessingApiIT.jpeg(40, 30),
                            "{\"store\":{\"id\":\"" + id + "\",\"container\":\"" + container + "\"," + extra + "}}");
                    assertThat(refused.statusCode()).as(extra).isEqualTo(400);
                    assertThat(json(refused).get("message").asText()).contains("Azure Blob Storage has no such option");
                }
            } finally {
                server.close();
            }
        }
    }
}
