package io.compressor.app;

import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.compressor.account.Account;
import io.compressor.account.IssuedKey;
import io.compressor.testing.Http;
import io.compressor.testing.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// `/1.0/upload`, `/1.0/fetch`, hosted results and job records through the real server, on each database.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class ProcessingApiIT {
    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Application app;
    private io.compressor.api.HttpServer server;
    private Http http;
    private String key;
    private HttpServer source;
    private final AtomicReference<Map<String, String>> seenBySource = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        source.createContext("/img/photo.jpg", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            seenBySource.set(headers);
            byte[] body = jpeg(1200, 900);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        source.createContext("/missing.jpg", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        source.createContext("/slow.jpg", exchange -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        source.createContext("/huge.jpg", exchange -> {
            exchange.sendResponseHeaders(200, 3_000_000);
            exchange.getResponseBody().write(new byte[1000]);
            exchange.getResponseBody().flush();
            exchange.close();
        });
        source.createContext("/text.jpg", exchange -> {
            byte[] text = "this is text, whatever the Content-Type says".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        });
        source.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        source.start();
        app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_DATABASE_URL", TestDatabases.fresh(engine, dir),
                "COMPRESSOR_FETCH_ALLOWED_CIDRS", "127.0.0.1/32",
                "COMPRESSOR_FETCH_TIMEOUT_SECONDS", "1",
                "COMPRESSOR_MAX_INPUT_BYTES", "2000000")));
        server = app.httpServer().start();
        http = new Http(server.publicUrl());
        Account account = app.accounts().create("Uploader", null);
        key = app.keys().issue(account.id(), "test").secret();
    }

    @AfterEach
    void stop() {
        server.close();
        app.close();
        source.stop(0);
    }

    static byte[] jpeg(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | ((x + y) % 256));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    private static final String FIT = "{\"image\":{\"resize\":{\"width\":640,\"height\":480,\"mode\":\"fit\"}}}";

    @Test
    void anUploadReturnsTheBodyOfApiMdAndItsUrlDownloadsTheResult() throws Exception {
        byte[] photo = jpeg(1200, 900);
        HttpResponse<String> response = http.upload("/1.0/upload", key, "photo.jpg", photo, FIT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("id").asText()).hasSize(36);
        JsonNode in = body.get("input");
        assertThat(in.get("name").asText()).isEqualTo("photo.jpg");
        assertThat(in.get("type").asText()).isEqualTo("image");
        assertThat(in.get("format").asText()).isEqualTo("jpeg");
        assertThat(in.get("mime").asText()).isEqualTo("image/jpeg");
        assertThat(in.get("size").asLong()).isEqualTo(photo.length);
        assertThat(in.get("sha1").asText()).isEqualTo(sha1(photo));
        assertThat(in.get("width").asInt()).isEqualTo(1200);
        assertThat(in.get("height").asInt()).isEqualTo(900);
        JsonNode out = body.get("output");
        assertThat(out.get("name").asText()).isEqualTo("photo.jpg");
        assertThat(out.get("width").asInt()).isEqualTo(640);
        assertThat(out.get("height").asInt()).isEqualTo(480);

        URI url = URI.create(body.get("url").asText());
        assertThat(url.toString()).startsWith(server.publicUrl() + "/").endsWith("/" + body.get("id").asText() + "/photo.jpg");
        HttpResponse<byte[]> download = http.download(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(out.get("size").asLong());
        assertThat(download.headers().firstValue("ETag")).contains("\"" + body.get("id").asText() + "\"");
        assertThat(download.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age="));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(sha1(download.body())).isEqualTo(out.get("sha1").asText());
        HttpResponse<String> head = http.send(java.net.http.HttpRequest.newBuilder(url)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String name : java.util.List.of("Content-Type", "Content-Length", "ETag", "Cache-Control", "X-Content-Type-Options")) {
            assertThat(head.headers().firstValue(name)).as("HEAD " + name).isEqualTo(download.headers().firstValue(name));
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(download.body()));
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(480);

        String tamperedExpiry = url.toString().replaceFirst("/(\\d+)/", "/1" + "$1".substring(0, 0) + "9999999999/");
        assertThat(http.download(URI.create(tamperedExpiry)).statusCode()).isEqualTo(404);
        assertThat(http.download(URI.create(url.toString().replace("/photo.jpg", "/other.jpg"))).statusCode()).isEqualTo(404);
    }

    @Test
    void optionsSentAsAFilePartAreReadLikeAField() {
        HttpResponse<String> converted = http.uploadWithDataFile("/1.0/upload", key, "photo.jpg", jpeg(200, 100),
                "{\"image\":{\"format\":\"webp\",\"resize\":{\"width\":50}}}");
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        assertThat(json(converted).at("/output/format").asText()).isEqualTo("webp");
        assertThat(json(converted).at("/output/width").asInt()).isEqualTo(50);
        HttpResponse<String> broken = http.uploadWithDataFile("/1.0/upload", key, "photo.jpg", jpeg(200, 100), "{\"image\":");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(json(broken).get("code").asText()).isEqualTo("invalid_json");
        assertThat(json(broken).get("message").asText()).startsWith("data is not valid JSON");
    }

    @Test
    void optionsLargerThanTheirLimitAreRefusedByName() {
        String huge = "{\"image\":{}, \"pad\":\"" + "x".repeat(300_000) + "\"}";
        for (boolean asFile : new boolean[] {false, true}) {
            HttpResponse<String> refused = asFile ? http.uploadWithDataFile("/1.0/upload", key, "photo.jpg", jpeg(20, 20), huge)
                    : http.upload("/1.0/upload", key, "photo.jpg", jpeg(20, 20), huge);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
            assertThat(json(refused).get("code").asText()).isEqualTo("file_too_large");
            assertThat(json(refused).get("message").asText()).as("as a file: " + asFile)
                    .startsWith("data: the options part is larger than its limit of 65536 bytes");
        }
    }

    @Test
    void theOutputTakesTheNewExtensionAndAnUnsafeNameIsSanitised() {
        HttpResponse<String> response = http.upload("/1.0/upload", key, "..\\..\\etc/pass wd<>.jpg", jpeg(300, 200),
                "{\"image\":{\"format\":\"webp\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).at("/input/name").asText()).isEqualTo("pass wd__.jpg");
        assertThat(json(response).at("/output/name").asText()).isEqualTo("pass wd__.webp");
        assertThat(json(response).at("/output/mime").asText()).isEqualTo("image/webp");
        URI url = URI.create(json(response).get("url").asText());
        assertThat(url.getRawPath()).endsWith("/pass%20wd__.webp");
        HttpResponse<byte[]> download = http.download(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("image/webp");
    }

    @Test
    void theOutputNameNamesTheFormatOfItsBytesAndItsUrlIsAValidUrl() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png);
        // {sent name, format asked, output name}: a PNG sent as .jpg stays a PNG, so its name says .png
        String[][] cases = {{"x.jpg", "auto", "x.png"}, {"scan", "auto", "scan.png"}, {"v1.2", "webp", "v1.2.webp"},
            {"Photo.PNG", "auto", "Photo.PNG"}, {"ünï cødé.png", "jpeg", "ünï cødé.jpg"}};
        for (String[] c : cases) {
            HttpResponse<String> response = http.upload("/1.0/upload", key, c[0], png.toByteArray(),
                    "{\"image\":{\"format\":\"" + c[1] + "\"}}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.at("/output/name").asText()).as(c[0]).isEqualTo(c[2]);
            URI url = new URI(body.get("url").asText()); // a literal space or letter outside ASCII would throw here
            assertThat(url.getPath()).as(c[0]).endsWith("/" + c[2]);
            HttpResponse<byte[]> download = http.download(url);
            assertThat(download.statusCode()).as(c[0]).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).as(c[0]).contains(body.at("/output/mime").asText());
            assertThat(sha1(download.body())).as(c[0]).isEqualTo(body.at("/output/sha1").asText());
        }
    }

    @Test
    void theSameJobThroughFetchFromALocalSource() {
        String url = "http://user:pa%20ss@127.0.0.1:" + source.getAddress().getPort() + "/img/photo.jpg";
        HttpResponse<String> response = http.postJson("/1.0/fetch", key, "{\"url\":\"" + url + "\",\"headers\":"
                + "{\"X-Token\":\"t1\",\"Host\":\"evil.example\"}," + FIT.substring(1));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.at("/input/name").asText()).isEqualTo("photo.jpg");
        assertThat(body.at("/output/width").asInt()).isEqualTo(640);
        assertThat(body.at("/output/height").asInt()).isEqualTo(480);
        assertThat(http.download(URI.create(body.get("url").asText())).statusCode()).isEqualTo(200);
        Map<String, String> seen = seenBySource.get();
        assertThat(seen.get("x-token")).isEqualTo("t1");
        assertThat(seen.get("host")).isEqualTo("127.0.0.1:" + source.getAddress().getPort());
        assertThat(seen.get("authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("user:pa ss".getBytes()));
        assertThat(seen.get("user-agent")).startsWith("Compressor/");
    }

    @Test
    void theOutputSaysWhichQualityTheSearchChoseUnlessTheClientFixedIt() {
        JsonNode searched = json(http.upload("/1.0/upload", key, "photo.jpg", jpeg(800, 600),
                "{\"image\":{\"compression\":\"medium\",\"resize\":{\"width\":400}}}"));
        JsonNode quality = searched.at("/output/quality");
        assertThat(quality.get("target").asDouble()).isEqualTo(0.98);
        assertThat(quality.get("score").asDouble()).isGreaterThanOrEqualTo(0.98).isLessThanOrEqualTo(1.0);
        assertThat(quality.get("encoder").asInt()).isBetween(30, 95);
        JsonNode fixed = json(http.upload("/1.0/upload", key, "photo.jpg", jpeg(800, 600),
                "{\"image\":{\"quality\":70,\"format\":\"webp\"}}"));
        assertThat(fixed.get("output").has("quality")).isFalse();
        assertThat(fixed.get("input").has("quality")).isFalse();
    }

    @Test
    void jobsAreRecordedShownToTheirAccountOnlyAndCounted() {
        JsonNode done = json(http.upload("/1.0/upload", key, "photo.jpg", jpeg(800, 600), FIT));
        HttpResponse<String> job = http.get("/1.0/jobs/" + done.get("id").asText(), "Authorization", Http.basic(key));
        assertThat(job.statusCode()).isEqualTo(200);
        assertThat(done.has("status")).as("the synchronous answer is API.md's success body").isFalse();
        assertThat(json(job)).isEqualTo(((com.fasterxml.jackson.databind.node.ObjectNode) done.deepCopy()).put("status", "completed"));

        HttpResponse<String> failed = http.upload("/1.0/upload", key, "noise.jpg", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, null);
        assertThat(failed.statusCode()).isEqualTo(422);
        assertThat(json(failed).get("code").asText()).isEqualTo("unsupported_format");

        String other = app.keys().issue(app.accounts().create("Other", null).id(), "x").secret();
        HttpResponse<String> foreign = http.get("/1.0/jobs/" + done.get("id").asText(), "Authorization", Http.basic(other));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(json(foreign).get("code").asText()).isEqualTo("job_not_found");

        JsonNode usage = json(http.get("/1.0/account", "Authorization", Http.basic(key))).get("usage");
        assertThat(usage.get("requests").asLong()).isEqualTo(2);
        assertThat(usage.get("output_bytes").asLong()).isEqualTo(done.at("/output/size").asLong());
        assertThat(usage.get("input_bytes").asLong()).isEqualTo(done.at("/input/size").asLong() + 8);
        assertThat(usage.get("bytes_saved").asLong()).isEqualTo(done.at("/input/size").asLong() - done.at("/output/size").asLong());
    }

    @Test
    void everyErrorThisApiOwnsHasItsCodeStatusAndMessage() {
        int port = source.getAddress().getPort();
        record Case(HttpResponse<String> response, int status, String code, String message) {}
        var cases = java.util.List.of(
                new Case(http.upload("/1.0/upload", key, "a.jpg", jpeg(10, 10), "{not json"), 400, "invalid_json",
                        "data is not valid JSON"),
                new Case(http.upload("/1.0/upload", key, "a.jpg", jpeg(10, 10), "{\"image\":{\"resize\":{\"width\":10,\"height\":10,\"mode\":\"cover\"}}}"),
                        400, "invalid_option", "image.resize.mode: expected one of auto, fit, fill, exact, crop but received \"cover\""),
                new Case(http.upload("/1.0/upload", key, "a.jpg", jpeg(10, 10), "{\"image\":{\"resize\":{\"width\":640,\"mode\":\"fit\"}}}"),
                        400, "invalid_option", "needs both width and height"),
                new Case(http.upload("/1.0/upload", key, "a.jpg", jpeg(10, 10), "{\"extra\":1}"), 400, "invalid_option",
                        "extra: unknown option"),
                new Case(http.upload("/1.0/upload", key, null, null, "{}"), 400, "invalid_option", "file: required"),
                new Case(http.upload("/1.0/upload", key, "a.jpg", jpeg(10, 10), "{\"store\":{\"id\":\"x\"}}"), 404,
                        "connector_not_found", "No storage connector with id \"x\""),
                new Case(http.upload("/1.0/upload", key, "a.jpg", jpeg(10, 10), "{\"store\":{\"id\":\"x\",\"path\":\"/a.jpg\"}}"),
                        400, "invalid_option", "store.path: no leading slash"),
                new Case(http.upload("/1.0/upload", key, "a.jpg", jpeg(10, 10),
                        "{\"store\":{\"id\":\"x\",\"headers\":{\"X-Foo\":\"1\"}}}"), 400, "invalid_option",
                        "store.headers.X-Foo: not allowed; allowed are Expires, Cache-Control"),
                new Case(http.upload("/1.0/upload", key, "a.jpg", java.util.Arrays.copyOf(jpeg(300, 300), 2000), null), 422,
                        "corrupt_image", "damaged or truncated"),
                new Case(http.upload("/1.0/upload", key, "big.bin", new byte[2_500_000], null), 413, "file_too_large",
                        "larger than 2000000 bytes"),
                new Case(http.postJson("/1.0/fetch", key, "{\"url\":"), 400, "invalid_json", "not valid JSON"),
                new Case(http.postJson("/1.0/fetch", key, "{\"url\":\"ftp://127.0.0.1/x.jpg\"}"), 400, "invalid_option",
                        "url: expected an absolute http:// or https:// URL"),
                new Case(http.postJson("/1.0/fetch", key, "{\"url\":\"http://169.254.169.254/latest/meta-data\"}"), 403,
                        "source_blocked", "169.254.169.254, which is refused (link-local (cloud metadata))"),
                new Case(http.postJson("/1.0/fetch", key, "{\"url\":\"http://127.0.0.1:" + port + "/missing.jpg\"}"), 502,
                        "source_status", "HTTP 404"),
                new Case(http.postJson("/1.0/fetch", key, "{\"url\":\"http://127.0.0.1:9/x.jpg\"}"), 502,
                        "source_unreachable", "Cannot fetch from 127.0.0.1"),
                new Case(http.postJson("/1.0/fetch", key, "{\"url\":\"http://127.0.0.1:" + port + "/slow.jpg\"}"), 504,
                        "source_timeout", "did not answer in time"),
                new Case(http.postJson("/1.0/fetch", key, "{\"url\":\"http://127.0.0.1:" + port + "/huge.jpg\"}"), 413,
                        "file_too_large", "larger than 2000000 bytes"),
                new Case(http.postJson("/1.0/fetch", key, "{\"image\":{}}"), 400, "invalid_option", "url: required"),
                new Case(http.postJson("/1.0/fetch", key, "{\"url\":\"http://127.0.0.1:" + port + "/text.jpg\"}"), 422,
                        "unsupported_format", "not an image in a supported format"));
        for (Case c : cases) {
            assertThat(c.response().statusCode()).as(c.response().body()).isEqualTo(c.status());
            JsonNode body = json(c.response());
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.get("code").asText()).isEqualTo(c.code());
            assertThat(body.get("message").asText()).contains(c.message());
            assertThat(body.get("id").asText()).isEqualTo(c.response().headers().firstValue("X-Request-Id").orElseThrow());
        }
        // the upload refused as too large was not read to its end: its connection closes, so that the rest of its body
        // is not taken for the next request (the fetch after it in this list ran on a fresh connection and passed)
        var tooLarge = cases.stream().filter(c -> c.code().equals("file_too_large")).findFirst().orElseThrow().response();
        assertThat(tooLarge.headers().firstValue("Connection")).hasValue("close");
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstJobForTheSameRequestAndRefusesAnother() {
        byte[] photo = jpeg(300, 200);
        String data = "{\"image\":{\"format\":\"png\"}}";
        var first = http.send(http.uploadRequest("/1.0/upload", key, "a.jpg", photo, data).header("Idempotency-Key", "order-17"));
        var again = http.send(http.uploadRequest("/1.0/upload", key, "a.jpg", photo, data).header("Idempotency-Key", "order-17"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(again).get("id").asText()).isEqualTo(json(first).get("id").asText());
        assertThat(json(again)).isEqualTo(json(first));
        var other = http.send(http.uploadRequest("/1.0/upload", key, "a.jpg", photo, "{\"image\":{\"format\":\"webp\"}}")
                .header("Idempotency-Key", "order-17"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(json(other).get("message").asText()).contains("Idempotency-Key: \"order-17\" was used");
        var noKey = http.upload("/1.0/upload", key, "a.jpg", photo, data);
        assertThat(json(noKey).get("id").asText()).isNotEqualTo(json(first).get("id").asText());
        assertThat(json(http.get("/1.0/account", "Authorization", Http.basic(key))).at("/usage/requests").asLong())
                .as("the repeat did no work").isEqualTo(2);
    }
}
