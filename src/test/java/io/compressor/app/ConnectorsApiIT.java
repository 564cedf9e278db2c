package io.compressor.app;

import static io.compressor.testing.Http.basic;
import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.compressor.testing.Http;
import io.compressor.testing.TestDatabases;
import io.compressor.testing.TestS3;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

/// Connectors through the API and `store` on requests, against the real Ceph RGW of `scripts/test`.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class ConnectorsApiIT {
    private static final String SECRET = "testsecret";

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Application app;
    private io.compressor.api.HttpServer server;
    private Http http;
    private String key;
    private String bucket;
    private String databaseUrl;
    private S3Client admin;
    private String endpoint;
    private HttpServer source;

    @BeforeEach
    void start() throws Exception {
        endpoint = TestS3.endpoint();
        admin = TestS3.admin(endpoint);
        bucket = TestS3.createBucket(admin, "api");
        source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] photo = ProcessingApiIT.jpeg(1200, 900);
        source.createContext("/image.jpg", exchange -> {
            exchange.sendResponseHeaders(200, photo.length);
            exchange.getResponseBody().write(photo);
            exchange.close();
        });
        source.start();
        databaseUrl = TestDatabases.fresh(engine, dir);
        app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_DATABASE_URL", databaseUrl, "COMPRESSOR_FETCH_ALLOWED_CIDRS", "127.0.0.1/32")));
        server = app.httpServer().start();
        http = new Http(server.publicUrl());
        key = app.keys().issue(app.accounts().create("Storer", null).id(), "t").secret();
    }

    @AfterEach
    void stop() {
        server.close();
        app.close();
        source.stop(0);
    }

    private String createConnector(String secret) {
        HttpResponse<String> created = http.postJson("/1.0/connectors", key, """
                {"name": "Local gateway", "provider": "s3-compatible", "endpoint": "%s",
                 "credentials": {"access_key_id": "test", "secret_access_key": "%s"},
                 "defaults": {"region": "us-east-1"}}""".formatted(endpoint, secret));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(secret);
        return json(created).get("id").asText();
    }

    @Test
    void theIssueExampleStoresTheObjectWithEveryField() throws Exception {
        String connector = createConnector(SECRET);
        String url = "http://127.0.0.1:" + source.getAddress().getPort() + "/image.jpg";
        HttpResponse<String> response = http.postJson("/1.0/fetch", key, """
                {"url": "%s", "image": {"resize": {"width": 640, "height": 480, "mode": "fit"}},
                 "store": {"id": "%s", "bucket": "%s", "region": "us-east-1", "path": "processed/image.jpg",
                           "acl": "public-read", "class": "standard-ia", "metadata": {"key": "value"},
                           "headers": {"Cache-Control": "max-age=2592000000"}, "tags": {"key": "value"}}}"""
                .formatted(url, connector, bucket));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("url").asText()).isEqualTo(endpoint + "/" + bucket + "/processed/image.jpg");
        assertThat(body.at("/output/width").asInt()).isEqualTo(640);

        var head = admin.headObject(b -> b.bucket(bucket).key("processed/image.jpg"));
        assertThat(head.storageClassAsString()).isEqualTo("STANDARD_IA");
        assertThat(head.metadata()).containsEntry("key", "value");
        assertThat(head.cacheControl()).isEqualTo("max-age=2592000000");
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        assertThat(head.contentLength()).isEqualTo(body.at("/output/size").asLong());
        assertThat(admin.getObjectTagging(b -> b.bucket(bucket).key("processed/image.jpg")).tagSet())
                .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("key=value"));
        assertThat(new Http(URI.create(endpoint)).download(URI.create(body.get("url").asText())).statusCode())
                .as("anonymous GET of a public-read object").isEqualTo(200);
    }

    @Test
    void aFolderPathTakesTheOutputNameAndAPrivateObjectIsNotPublic() {
        String connector = createConnector(SECRET);
        HttpResponse<String> response = http.upload("/1.0/upload", key, "logo.png", ProcessingApiIT.jpeg(300, 200),
                "{\"image\":{\"format\":\"webp\"},\"store\":{\"id\":\"" + connector + "\",\"bucket\":\"" + bucket
                        + "\",\"path\":\"assets/\",\"acl\":\"private\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("url").asText()).endsWith("/" + bucket + "/assets/logo.webp");
        assertThat(admin.headObject(b -> b.bucket(bucket).key("assets/logo.webp")).contentType()).isEqualTo("image/webp");
        assertThat(new Http(URI.create(endpoint)).download(URI.create(json(response).get("url").asText())).statusCode())
                .isEqualTo(403);
    }

    @Test
    void connectorsAreListedWithoutSecretsTestedAndDeleted() throws Exception {
        String connector = createConnector(SECRET);
        HttpResponse<String> list = http.get("/1.0/connectors", "Authorization", basic(key));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).at("/connectors/0/id").asText()).isEqualTo(connector);
        assertThat(json(list).at("/connectors/0/credentials/access_key_id").asText()).isEqualTo("••••test");
        assertThat(list.body()).doesNotContain(SECRET);

        HttpResponse<String> tested = http.postJson("/1.0/connectors/" + connector + "/test", key, "{\"bucket\":\"" + bucket + "\"}");
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
        assertThat(admin.listObjectsV2(b -> b.bucket(bucket)).contents()).as("the probe is removed").isEmpty();

        String wrong = createConnector("not-the-secret");
        HttpResponse<String> denied = http.postJson("/1.0/connectors/" + wrong + "/test", key, "{\"bucket\":\"" + bucket + "\"}");
        assertThat(denied.statusCode()).isEqualTo(502);
        assertThat(json(denied).get("code").asText()).isEqualTo("storage_denied");
        assertThat(json(denied).get("message").asText()).contains("secret does not match");

        HttpResponse<String> missing = http.postJson("/1.0/connectors/" + connector + "/test", key, "{\"bucket\":\"no-such-bucket-x\"}");
        assertThat(json(missing).get("code").asText()).isEqualTo("storage_not_found");

        String other = app.keys().issue(app.accounts().create("Other", null).id(), "o").secret();
        HttpResponse<String> foreign = http.get("/1.0/connectors/" + connector, "Authorization", basic(other));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).get("code").asText()).isEqualTo("connector_not_found");
        HttpResponse<String> foreignStore = http.upload("/1.0/upload", other, "a.jpg", ProcessingApiIT.jpeg(50, 50),
                "{\"store\":{\"id\":\"" + connector + "\",\"bucket\":\"" + bucket + "\"}}");
        assertThat(json(foreignStore).get("code").asText()).isEqualTo("connector_not_found");

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(http.base().resolve("/1.0/connectors/" + connector))
                .DELETE(), "Authorization", basic(key));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(http.get("/1.0/connectors/" + connector, "Authorization", basic(key)).statusCode()).isEqualTo(404);
    }

    @Test
    void aStorageFailureIsRecordedOnTheJobAndNothingIsWritten() {
        String connector = createConnector("not-the-secret");
        HttpResponse<String> response = http.upload("/1.0/upload", key, "a.jpg", ProcessingApiIT.jpeg(100, 100),
                "{\"store\":{\"id\":\"" + connector + "\",\"bucket\":\"" + bucket + "\",\"path\":\"x.jpg\"}}");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response).get("code").asText()).isEqualTo("storage_denied");
        assertThat(admin.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
        assertThat(json(http.get("/1.0/account", "Authorization", basic(key))).at("/usage/requests").asLong()).isEqualTo(1);
        var jobs = app.jobs().recent(app.accounts().list().getFirst().id(), java.util.Optional.empty(), 10);
        assertThat(jobs).hasSize(1);
        var job = json(http.get("/1.0/jobs/" + jobs.getFirst().id(), "Authorization", basic(key)));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("code").asText()).isEqualTo("storage_denied");
        assertThat(job.get("message").asText()).isEqualTo(json(response).get("message").asText());
    }

    @Test
    void credentialsAreEncryptedAtRest() throws Exception {
        String connector = createConnector("Sup3rS3cretValueThatMustNotLeak");
        if (engine.equals("sqlite")) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                            .doesNotContain("Sup3rS3cretValueThatMustNotLeak");
                }
            }
        } else {
            // every column of the connector's row, as PostgreSQL hands it out
            StringBuilder row = new StringBuilder();
            try (var c = java.sql.DriverManager.getConnection(databaseUrl); var st = c.createStatement();
                    var rs = st.executeQuery("SELECT * FROM connectors")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        byte[] bytes = rs.getBytes(i);
                        row.append(bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1)).append('|');
                    }
                }
            }
            assertThat(row.toString()).contains(connector).doesNotContain("Sup3rS3cretValueThatMustNotLeak");
        }
        var stored = app.connectors().get(app.accounts().list().getFirst().id(), connector);
        assertThat(app.connectors().credentials(stored).secretAccessKey()).isEqualTo("Sup3rS3cretValueThatMustNotLeak");
        assertThat(app.connectors().credentials(stored).toString()).doesNotContain("Sup3rS3cret");
        assertThat(Files.getPosixFilePermissions(dir.resolve("master.key")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
