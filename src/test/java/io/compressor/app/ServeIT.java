package io.compressor.app;

import static io.compressor.testing.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.compressor.testing.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The packaged jar as an operator runs it: first start, restart, SIGTERM and bad configuration.
class ServeIT {
    private static final Pattern SECRET = Pattern.compile("cmp_[A-Za-z0-9_-]{40}");

    /// The API key a first start printed.
    private static String firstKey(Node server) {
        Matcher key = SECRET.matcher(server.out());
        assertThat(key.find()).as(server.out()).isTrue();
        return key.group();
    }

    @TempDir
    Path dir;

    @Test
    void firstStartPrintsAKeyOnceTheKeyWorksAndSigtermExitsZero() throws Exception {
        Node first = serve(Map.of());
        Matcher key = SECRET.matcher(first.out());
        assertThat(key.find()).as(first.out()).isTrue();
        assertThat(first.out()).contains("shown only this once");
        assertThat(new Http(first.url()).get("/1.0/account", "Authorization", basic(key.group())).statusCode())
                .isEqualTo(200);
        assertThat(first.terminate()).isZero();
        String log = java.nio.file.Files.readString(dir.resolve("serve.log"));
        assertThat(log).containsPattern("GET /1.0/account 200 [0-9.]+ms id=[0-9a-f-]{36} account=[0-9a-f-]{36}")
                .contains("Stopped").doesNotContain(key.group()).doesNotContain(key.group().substring(4, 20));

        Node again = serve(Map.of());
        assertThat(again.out()).doesNotContainPattern(SECRET.pattern());
        assertThat(new Http(again.url()).get("/1.0/account", "Authorization", basic(key.group())).statusCode())
                .as("a restart keeps the account and its key").isEqualTo(200);
        assertThat(again.terminate()).isZero();
    }

    @Test
    void theFirstStartSaysHowToSignInToTheDashboardAndThatCommandWorks() throws Exception {
        Node server = serve(Map.of());
        Matcher command = Pattern.compile("\\./compressor accounts set-password ([0-9a-f-]{36}) --email you@example.com")
                .matcher(server.out());
        assertThat(command.find()).as(server.out()).isTrue();
        assertThat(server.out()).contains("Dashboard: " + server.url() + "/dashboard");
        Process set = Node.command(List.of(), env(Map.of()), "accounts", "set-password", command.group(1), "--email",
                "owner@example.com").redirectErrorStream(true).start();
        set.getOutputStream().write("a new dashboard password\n".getBytes(StandardCharsets.UTF_8));
        set.getOutputStream().close();
        String said = new String(set.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(set.waitFor()).as(said).isZero();
        assertThat(said).contains("sign in as owner@example.com");

        Http http = new Http(server.url());
        var signedIn = http.signInToDashboard("owner@example.com", "a new dashboard password");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/dashboard");
        assertThat(server.terminate()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("serve.log"))).doesNotContain("a new dashboard password");
    }

    @Test
    void connectorSecretsReachNoResponseAndNoLogLine() throws Exception {
        Node server = serve(Map.of());
        Matcher key = SECRET.matcher(server.out());
        assertThat(key.find()).isTrue();
        Http http = new Http(server.url());
        String secret = "Zq9-very-secret-value-Zq9";
        var created = http.postJson("/1.0/connectors", key.group(), "{\"name\":\"n\",\"provider\":\"s3-compatible\","
                + "\"endpoint\":\"http://127.0.0.1:9\",\"credentials\":{\"access_key_id\":\"AKIAEXAMPLE\","
                + "\"secret_access_key\":\"" + secret + "\"},\"defaults\":{\"bucket\":\"b1\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Http.json(created).get("id").asText();
        var tested = http.postJson("/1.0/connectors/" + id + "/test", key.group(), "{}");
        assertThat(tested.statusCode()).isEqualTo(502);
        var stored = http.upload("/1.0/upload", key.group(), "a.jpg", ProcessingApiIT.jpeg(20, 20),
                "{\"store\":{\"id\":\"" + id + "\"}}");
        assertThat(Http.json(stored).get("code").asText()).isEqualTo("storage_failed");
        String responses = created.body() + tested.body() + stored.body()
                + http.get("/1.0/connectors", "Authorization", Http.basic(key.group())).body();
        assertThat(server.terminate()).isZero();
        String log = java.nio.file.Files.readString(dir.resolve("serve.log"));
        assertThat(responses).doesNotContain(secret).doesNotContain("AKIAEXAMPLE");
        assertThat(log).doesNotContain(secret).doesNotContain("AKIAEXAMPLE");
        assertThat(java.nio.file.Files.readString(dir.resolve("compressor.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
    }

    @Test
    void aSourceThatFailsIsOneLogLineNotAStackTrace() throws Exception {
        Node server = serve(Map.of("COMPRESSOR_FETCH_ALLOWED_CIDRS", "127.0.0.1/32"));
        var response = new Http(server.url()).postJson("/1.0/fetch", firstKey(server), "{\"url\":\"http://127.0.0.1:9/a.png\"}");
        assertThat(Http.json(response).get("code").asText()).as(response.body()).isEqualTo("source_unreachable");
        assertThat(server.terminate()).isZero();
        String log = java.nio.file.Files.readString(dir.resolve("serve.log"));
        assertThat(log).containsPattern("POST /1.0/fetch 502 [0-9.]+ms id=[0-9a-f-]{36} account=[0-9a-f-]{36}"
                + " code=source_unreachable cause=\"Cannot fetch from 127.0.0.1").doesNotContain("ServiceException")
                .doesNotContain("\tat io.compressor").doesNotContain("ErrorWriter");
    }

    @Test
    void aBucketThatDoesNotExistIsTheClientsMistakeOneLogLineNoError() throws Exception {
        Node server = serve(Map.of());
        String key = firstKey(server);
        Http http = new Http(server.url());
        var created = http.postJson("/1.0/connectors", key, "{\"name\":\"n\",\"provider\":\"s3-compatible\",\"endpoint\":\""
                + io.compressor.testing.TestS3.endpoint() + "\",\"credentials\":{\"access_key_id\":\"test\","
                + "\"secret_access_key\":\"testsecret\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var stored = http.upload("/1.0/upload", key, "a.jpg", ProcessingApiIT.jpeg(20, 20), "{\"store\":{\"id\":\""
                + Http.json(created).get("id").asText() + "\",\"bucket\":\"no-such-bucket-here\"}}");
        assertThat(Http.json(stored).get("code").asText()).as(stored.body()).isEqualTo("storage_not_found");
        assertThat(server.terminate()).isZero();
        String log = java.nio.file.Files.readString(dir.resolve("serve.log"));
        assertThat(log).containsPattern("POST /1.0/upload 502 [0-9.]+ms id=[0-9a-f-]{36} account=[0-9a-f-]{36}"
                + " code=storage_not_found cause=\"[^\"]*no-such-bucket-here").doesNotContain(" ERROR ")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aShutdownWhoseStepsFailStillEndsTheProcessWithinTheGracePeriodNonZero() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.copy(Node.PACKAGED, dir.resolve("copy.jar"));
        Node server = Node.startFrom(jar, env(Map.of("COMPRESSOR_SHUTDOWN_GRACE_SECONDS", "2")), dir.resolve("serve.log"));
        assertThat(new Http(server.url()).get("/health").statusCode()).isEqualTo(200);
        java.nio.file.Files.write(jar, new byte[4096]); // rewritten in place under the server, as a build does
        long start = System.nanoTime();
        int status = server.terminate();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(status).as("exit status").isIn(1, 2);
        assertThat(seconds).as("seconds to stop (grace 2 s, margin 5 s)").isLessThanOrEqualTo(9);
        assertThat(java.nio.file.Files.readString(dir.resolve("serve.log"))).contains("Stopping: finishing requests in flight");
    }

    @Test
    void libvipsRunsWithTheConfiguredThreadCount() throws Exception {
        Node server = serve(Map.of("COMPRESSOR_VIPS_THREADS", "3"));
        assertThat(server.terminate()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("serve.log")))
                .containsPattern("Image engine: libvips 8\\.\\d+\\.\\d+.*[,;] 3 threads per image");
    }

    @Test
    void aLargeUploadNeverSitsWholeOnTheHeap() throws Exception {
        Node server = serve(List.of("-Xmx64m"), Map.of());
        Matcher key = SECRET.matcher(server.out());
        assertThat(key.find()).isTrue();
        var response = new Http(server.url()).upload("/1.0/upload", key.group(), "huge.png", pretendPng(), null);
        assertCorruptWithoutRunningOutOfHeap(server, key.group(), response);
    }

    @Test
    void aLargeFetchNeverSitsWholeOnTheHeap() throws Exception {
        byte[] large = pretendPng();
        HttpServer source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        source.createContext("/huge.png", exchange -> {
            exchange.sendResponseHeaders(200, large.length);
            try (var body = exchange.getResponseBody()) {
                body.write(large);
            }
        });
        source.start();
        try {
            Node server = serve(List.of("-Xmx64m"), Map.of("COMPRESSOR_FETCH_ALLOWED_CIDRS", "127.0.0.1/32"));
            Matcher key = SECRET.matcher(server.out());
            assertThat(key.find()).isTrue();
            var response = new Http(server.url()).postJson("/1.0/fetch", key.group(),
                    "{\"url\":\"http://127.0.0.1:" + source.getAddress().getPort() + "/huge.png\"}");
            assertCorruptWithoutRunningOutOfHeap(server, key.group(), response);
        } finally {
            source.stop(0);
        }
    }

    @Test
    void aResultLargerThanTheHeapIsRefusedAndTheServerGoesOn() throws Exception {
        Node server = serve(List.of("-Xmx64m"), Map.of("COMPRESSOR_ASYNC_THRESHOLD_BYTES", "268435456"));
        String key = firstKey(server);
        Http http = new Http(server.url());
        // noise does not compress: its lossless PNG is about its 66 MB of pixels, more than the whole heap
        var response = http.upload("/1.0/upload", key, "noise.png", noisePng(4700, 4700), "{\"image\":{\"compression\":\"lossless\"}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(Http.json(response).get("code").asText()).isEqualTo("image_too_large");
        assertThat(Http.json(response).get("message").asText()).contains("memory");
        var small = http.upload("/1.0/upload", key, "small.png", noisePng(64, 64), "{}");
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(server.terminate()).isZero();
    }

    private static byte[] noisePng(int width, int height) throws IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        new java.util.Random(7).nextBytes(((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData());
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /// 120 MB that start like a PNG: more than the 64 MB heap the node gets, and not an image libvips can load.
    private static byte[] pretendPng() {
        byte[] large = new byte[120 * 1024 * 1024];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, large, 0, 8);
        return large;
    }

    /// The large input went to the queue (over 32 MB) and failed there as `corrupt_image`, not with the heap's end.
    private void assertCorruptWithoutRunningOutOfHeap(Node server, String key, HttpResponse<String> response) throws Exception {
        Http http = new Http(server.url());
        assertThat(response.statusCode()).as("over 32 MB goes to the queue: " + response.body()).isEqualTo(202);
        var job = http.get("/1.0/jobs/" + Http.json(response).get("id").asText() + "?wait=60", "Authorization",
                Http.basic(key));
        assertThat(Http.json(job).get("code").asText()).as(job.body()).isEqualTo("corrupt_image");
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(server.terminate()).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("serve.log"))).doesNotContain("OutOfMemoryError");
    }

    @Test
    void badConfigurationExitsNonZeroNamingEveryProblem() throws Exception {
        Process p = startFailing(Map.of("COMPRESSOR_PORT", "abc", "COMPRESSOR_DATABASE_URL", "mysql://db/x"));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains("COMPRESSOR_PORT: expected a whole number").contains("COMPRESSOR_DATABASE_URL: expected");
    }

    @Test
    void anUnreachableDatabaseExitsNonZeroWithoutThePassword() throws Exception {
        Process p = startFailing(Map.of("COMPRESSOR_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:1/compressor?user=app&password=s3cret-pw"));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/compressor")
                .doesNotContain("s3cret-pw");
    }

    private Node serve(Map<String, String> extra) throws IOException {
        return serve(List.of(), extra);
    }

    private Node serve(List<String> jvmOptions, Map<String, String> extra) throws IOException {
        return Node.start(jvmOptions, env(extra), dir.resolve("serve.log"));
    }

    /// A start expected to fail: its stderr is left to read.
    private Process startFailing(Map<String, String> extra) throws IOException {
        return Node.command(List.of(), env(extra)).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString()));
        env.putAll(extra);
        return env;
    }
}
