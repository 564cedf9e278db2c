package io.compressor.app;

import static io.compressor.testing.Http.basic;
import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.compressor.testing.Http;
import io.compressor.testing.TestDatabases;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// Queued jobs on one node: 202 at once, workers finish them, long polls wake when they end, webhooks
/// arrive signed and are retried, and a restart loses none. On SQLite and on PostgreSQL.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class AsyncJobsIT {
    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Map<String, String> env;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(2);

    record Received(String body, Map<String, String> headers, int answered) {}

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            received.add(new Received(body, headers, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        env = Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_DATABASE_URL", TestDatabases.fresh(engine, dir), "COMPRESSOR_FETCH_ALLOWED_CIDRS", "127.0.0.1/32",
                "COMPRESSOR_WEBHOOK_RETRY_SECONDS", "1", "COMPRESSOR_ASYNC_THRESHOLD_BYTES", "50000");
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void aWebhookJobIsAnswered202AndItsSignedResultArrivesAfterRetries() throws Exception {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            var server = app.httpServer().start();
            try {
                String key = app.keys().issue(app.accounts().create("Async", null).id(), "t").secret();
                Http http = new Http(server.publicUrl());
                HttpResponse<String> accepted = http.upload("/1.0/upload", key, "photo.jpg", ProcessingApiIT.jpeg(800, 600),
                        "{\"image\":{\"resize\":{\"width\":400}},\"webhook\":{\"url\":\"" + hook() + "\"}}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                assertThat(json(accepted).get("status").asText()).isEqualTo("enqueued");
                String id = json(accepted).get("id").asText();

                HttpResponse<String> done = http.get("/1.0/jobs/" + id + "?wait=30", "Authorization", basic(key));
                JsonNode body = json(done);
                assertThat(body.get("success").asBoolean()).as(done.body()).isTrue();
                assertThat(body.get("status").asText()).as("a completed job: the synchronous body and its status").isEqualTo("completed");
                assertThat(body.at("/output/width").asInt()).isEqualTo(400);
                assertThat(http.download(java.net.URI.create(body.get("url").asText())).statusCode()).isEqualTo(200);

                waitFor(() -> received.size() >= 3);
                waitFor(() -> app.jobDeliveries(id).size() == 3);
                assertThat(received).extracting(Received::answered).containsExactly(500, 500, 200);
                JsonNode shown = json(http.get("/1.0/jobs/" + id, "Authorization", basic(key)));
                assertThat(shown.at("/webhook/delivered").asBoolean()).as(shown.toString()).isTrue();
                assertThat(shown.at("/webhook/attempts")).extracting(a -> a.get("status").asInt()).containsExactly(500, 500, 200);
                assertThat(shown.at("/webhook/attempts/0/at").asText()).isNotEmpty();
                String secret = json(http.get("/1.0/account", "Authorization", basic(key))).get("webhook_secret").asText();
                for (Received r : received) {
                    assertThat(r.headers().get("user-agent")).isEqualTo("Compressor/1.0");
                    assertThat(r.headers().get("content-type")).isEqualTo("application/json");
                    assertThat(r.headers().get("x-compressor-signature")).isEqualTo("sha256=" + hmac(secret, r.body()));
                    // the job's view, less the attempts it shows once the webhook was tried (which may be before it was read)
                    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()))
                            .isEqualTo(((com.fasterxml.jackson.databind.node.ObjectNode) body.deepCopy()).without("webhook"));
                }
                HttpResponse<String> rotated = http.send(java.net.http.HttpRequest.newBuilder(
                        http.base().resolve("/1.0/account/webhook-secret")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()),
                        "Authorization", basic(key));
                String next = json(rotated).get("webhook_secret").asText();
                assertThat(next).startsWith("whsec_").isNotEqualTo(secret);
                assertThat(json(http.get("/1.0/account", "Authorization", basic(key))).get("webhook_secret").asText())
                        .isEqualTo(next);
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aLargeInputIsQueuedWithoutAWebhookAndWaitIsChecked() throws Exception {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            var server = app.httpServer().start();
            try {
                String key = app.keys().issue(app.accounts().create("Large", null).id(), "t").secret();
                Http http = new Http(server.publicUrl());
                byte[] large = ProcessingApiIT.jpeg(1600, 1200);
                assertThat(large.length).isGreaterThan(50_000);
                HttpResponse<String> accepted = http.upload("/1.0/upload", key, "big.jpg", large, null);
                assertThat(accepted.statusCode()).isEqualTo(202);
                String id = json(accepted).get("id").asText();
                JsonNode done = json(http.get("/1.0/jobs/" + id + "?wait=30", "Authorization", basic(key)));
                assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
                assertThat(done.at("/output/format").asText()).isEqualTo("jpeg");
                assertThat(done.has("webhook")).as("no webhook, no attempts").isFalse();
                HttpResponse<String> badWait = http.get("/1.0/jobs/" + id + "?wait=61", "Authorization", basic(key));
                assertThat(badWait.statusCode()).isEqualTo(400);
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aWebhookTheAddressPolicyRefusesIsRefusedWhenTheRequestNamesIt() throws Exception {
        Map<String, String> strict = new java.util.HashMap<>(env);
        strict.remove("COMPRESSOR_FETCH_ALLOWED_CIDRS");
        try (Application app = Application.open(ConfigLoader.load(strict))) {
            var server = app.httpServer().start();
            try {
                String key = app.keys().issue(app.accounts().create("Strict", null).id(), "t").secret();
                Http http = new Http(server.publicUrl());
                for (String hook : List.of(hook(), "http://169.254.169.254/latest/hook", "http://[::ffff:127.0.0.1]:9/x")) {
                    HttpResponse<String> refused = http.upload("/1.0/upload", key, "a.jpg", ProcessingApiIT.jpeg(20, 20),
                            "{\"webhook\":{\"url\":\"" + hook + "\"}}");
                    assertThat(refused.statusCode()).as(hook + ": " + refused.body()).isEqualTo(403);
                    assertThat(json(refused).get("code").asText()).isEqualTo("source_blocked");
                    assertThat(json(refused).get("message").asText()).startsWith("webhook.url: the webhook host")
                            .contains("COMPRESSOR_FETCH_ALLOWED_CIDRS");
                    HttpResponse<String> fetched = http.postJson("/1.0/fetch", key, "{\"url\":\"https://example.com/a.jpg\","
                            + "\"webhook\":{\"url\":\"" + hook + "\"}}");
                    assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(403);
                }
                HttpResponse<String> badHook = http.upload("/1.0/upload", key, "a.jpg", ProcessingApiIT.jpeg(20, 20),
                        "{\"webhook\":{\"url\":\"ftp://x/y\"}}");
                assertThat(json(badHook).get("message").asText()).startsWith("webhook.url: expected an http:// or https:// URL");
                Thread.sleep(1500); // a delivery would have been tried within a second
                assertThat(received).as("nothing reached the receiver").isEmpty();
                JsonNode account = json(http.get("/1.0/account", "Authorization", basic(key)));
                assertThat(account.at("/usage/requests").asInt()).as("no job was made: " + account).isZero();
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aQueuedJobWhoseFailureMayPassIsTriedThreeTimesThenFailedWithTheLastError() throws Exception {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            var server = app.httpServer().start();
            try {
                String key = app.keys().issue(app.accounts().create("Retry", null).id(), "t").secret();
                Http http = new Http(server.publicUrl());
                HttpResponse<String> connector = http.postJson("/1.0/connectors", key, "{\"name\":\"down\","
                        + "\"provider\":\"s3-compatible\",\"endpoint\":\"http://127.0.0.1:9\",\"credentials\":"
                        + "{\"access_key_id\":\"a\",\"secret_access_key\":\"b\"},\"defaults\":{\"bucket\":\"bucket-1\"}}");
                String connectorId = json(connector).get("id").asText();
                HttpResponse<String> accepted = http.upload("/1.0/upload", key, "big.jpg", ProcessingApiIT.jpeg(1600, 1200),
                        "{\"store\":{\"id\":\"" + connectorId + "\"}}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                String id = json(accepted).get("id").asText();
                JsonNode job = json(http.get("/1.0/jobs/" + id + "?wait=60", "Authorization", basic(key)));
                assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("failed");
                assertThat(job.get("code").asText()).isEqualTo("storage_failed");
                assertThat(job.get("message").asText()).contains("Cannot reach the storage endpoint");
                assertThat(app.jobAttempts(id)).isEqualTo(3);
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aRestartLosesNoQueuedJob() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        String key;
        try (Application app = Application.open(ConfigLoader.load(env))) {
            var server = app.httpServer().start();
            key = app.keys().issue(app.accounts().create("Restart", null).id(), "t").secret();
            Http http = new Http(server.publicUrl());
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> accepted = http.upload("/1.0/upload", key, "p" + i + ".jpg", ProcessingApiIT.jpeg(1600, 1200),
                        "{\"image\":{\"format\":\"webp\"}}");
                assertThat(accepted.statusCode()).isEqualTo(202);
                ids.add(json(accepted).get("id").asText());
            }
            server.close();
        }
        try (Application app = Application.open(ConfigLoader.load(env))) {
            var server = app.httpServer().start();
            try {
                Http http = new Http(server.publicUrl());
                for (String id : ids) {
                    JsonNode done = json(http.get("/1.0/jobs/" + id + "?wait=60", "Authorization", basic(key)));
                    assertThat(done.get("success").asBoolean()).as(done.toString()).isTrue();
                    assertThat(done.at("/output/format").asText()).isEqualTo("webp");
                }
            } finally {
                server.close();
            }
        }
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 30 s");
            }
            Thread.sleep(50);
        }
    }
}
