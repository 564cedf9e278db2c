package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.compressor.error.ErrorCode;
import io.compressor.testing.Http;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// docs/api.md and /openapi.json stay true: every curl example runs against a live server, and the
/// OpenAPI document names every error code and every option the parser accepts.
class ApiDocIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern PLAIN_BLOCK = Pattern.compile("```\\n(.*?)\\n```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void everyCurlExampleOfTheDocsWorksAsWritten() throws Exception {
        List<String> examples = blocks(Path.of("docs/api.md"), SH_BLOCK);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        runAgainstALiveServer(examples);
    }

    /// The README shows API.md's main examples. All run as written but the connector's, which names AWS and
    /// placeholder keys; its `s3-compatible` twin in docs/api.md runs above, against the test's S3 server.
    @Test
    void everyCurlExampleOfTheReadmeWorksAsWritten() throws Exception {
        List<String> examples = new ArrayList<>();
        for (String block : blocks(Path.of("README.md"), PLAIN_BLOCK)) {
            if (block.startsWith("curl ") && !block.contains("/1.0/connectors")) {
                examples.addAll(Arrays.asList(block.split("\n(?=curl )")));
            }
        }
        assertThat(examples).as("the README's account, bearer, upload, fetch and webhook examples").hasSizeGreaterThanOrEqualTo(5);
        runAgainstALiveServer(examples);
    }

    /// Runs each example with curl against a live server, the key, a local image source and the test's S3 server in
    /// place of the placeholders; each must answer `success: true`, and a result's `url` must serve it.
    private void runAgainstALiveServer(List<String> examples) throws Exception {
        HttpServer source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] photo = ProcessingApiIT.jpeg(1200, 900);
        source.createContext("/photo.jpg", exchange -> {
            exchange.sendResponseHeaders(200, photo.length);
            exchange.getResponseBody().write(photo);
            exchange.close();
        });
        source.start();
        Files.write(dir.resolve("photo.jpg"), photo);
        Files.write(dir.resolve("logo.png"), TransparentPng.bytes());
        try (Application app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0",
                "COMPRESSOR_DATA_DIR", dir.resolve("data").toString(),
                "COMPRESSOR_FETCH_ALLOWED_CIDRS", "127.0.0.1/32")))) {
            var server = app.httpServer().start();
            try {
                String key = app.keys().issue(app.accounts().create("Docs", null).id(), "docs").secret();
                String s3 = io.compressor.testing.TestS3.endpoint();
                createBucket(s3, "my-bucket");
                String lastConnector = null;
                String lastJob = null;
                for (String example : examples) {
                    String command = example.replace("KEY", key).replace("http://127.0.0.1:8080", server.publicUrl().toString())
                            .replace("https://images.example.com", "http://127.0.0.1:" + source.getAddress().getPort())
                            .replace("JOB_ID", String.valueOf(lastJob)).replace("CONNECTOR_ID", String.valueOf(lastConnector))
                            .replace("http://127.0.0.1:7480", s3);
                    JsonNode answer = JSON.readTree(run(command));
                    assertThat(answer.get("success").asBoolean()).as(example + "\n" + answer).isTrue();
                    if (answer.has("provider")) {
                        lastConnector = answer.get("id").asText();
                    }
                    if (answer.has("output")) {
                        lastJob = answer.get("id").asText();
                        assertThat(new Http(server.publicUrl()).download(java.net.URI.create(answer.get("url").asText()))
                                .statusCode()).isEqualTo(200);
                    }
                }
            } finally {
                server.close();
                source.stop(0);
            }
        }
    }

    @Test
    void openApiIsServedAndNamesEveryErrorCodeAndOption() throws Exception {
        try (Application app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0",
                "COMPRESSOR_DATA_DIR", dir.toString())))) {
            var server = app.httpServer().start();
            try {
                var response = new Http(server.publicUrl()).get("/openapi.json");
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode doc = JSON.readTree(response.body());
                assertThat(doc.get("openapi").asText()).startsWith("3.1");
                List<String> codes = new ArrayList<>();
                doc.at("/components/schemas/Error/properties/code/enum").forEach(c -> codes.add(c.asText()));
                assertThat(codes).containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
                List<String> options = new ArrayList<>();
                doc.at("/components/schemas/Image/properties").fieldNames().forEachRemaining(options::add);
                assertThat(options).containsExactlyInAnyOrder("compression", "quality", "format", "resize", "metadata");
                List<String> store = new ArrayList<>();
                doc.at("/components/schemas/Store/properties").fieldNames().forEachRemaining(store::add);
                assertThat(store).containsExactlyInAnyOrder("id", "bucket", "container", "region", "path", "acl", "class",
                        "metadata", "headers", "tags");
                for (String path : List.of("/1.0/upload", "/1.0/fetch", "/1.0/jobs/{id}", "/1.0/account", "/health", "/metrics",
                        "/1.0/connectors", "/1.0/connectors/{id}", "/1.0/connectors/{id}/test", "/1.0/account/webhook-secret")) {
                    assertThat(doc.at("/paths").has(path)).as(path).isTrue();
                }
            } finally {
                server.close();
            }
        }
    }

    private static void createBucket(String endpoint, String bucket) {
        try (var admin = io.compressor.testing.TestS3.admin(endpoint)) {
            if (admin.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                admin.createBucket(b -> b.bucket(bucket));
            }
        }
    }

    private static List<String> blocks(Path doc, Pattern block) throws Exception {
        List<String> found = new ArrayList<>();
        Matcher m = block.matcher(Files.readString(doc));
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }

    private String run(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command.replaceFirst("^curl ", "curl -sS ")).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command + "\n" + out).isZero();
        return out;
    }

    /// A small PNG with transparency, written by the JDK.
    static final class TransparentPng {
        static byte[] bytes() throws Exception {
            var image = new java.awt.image.BufferedImage(400, 200, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x < 400; x++) {
                    image.setRGB(x, y, ((x + y) % 256) << 24 | 0x3366cc);
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
