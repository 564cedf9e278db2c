package io.compressor.app;

import static io.compressor.testing.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.testing.Http;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
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
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    private static final Pattern SECRET = Pattern.compile("cmp_[A-Za-z0-9_-]{40}");

    @TempDir
    Path dir;

    /// A running `compressor serve` and everything it printed on stdout so far.
    record Server(Process process, StringBuffer out, URI url) {}

    @Test
    void firstStartPrintsAKeyOnceTheKeyWorksAndSigtermExitsZero() throws Exception {
        Server first = serve(Map.of());
        Matcher key = SECRET.matcher(first.out());
        assertThat(key.find()).as(first.out().toString()).isTrue();
        assertThat(first.out()).contains("shown only this once");
        assertThat(new Http(first.url()).get("/1.0/account", "Authorization", basic(key.group())).statusCode())
                .isEqualTo(200);
        assertThat(stop(first)).isZero();
        String log = java.nio.file.Files.readString(dir.resolve("serve.log"));
        assertThat(log).containsPattern("GET /1.0/account 200 [0-9.]+ms id=[0-9a-f-]{36} account=[0-9a-f-]{36}")
                .contains("Stopped").doesNotContain(key.group()).doesNotContain(key.group().substring(4, 20));

        Server again = serve(Map.of());
        assertThat(again.out().toString()).doesNotContainPattern(SECRET.pattern());
        assertThat(new Http(again.url()).get("/1.0/account", "Authorization", basic(key.group())).statusCode())
                .as("a restart keeps the account and its key").isEqualTo(200);
        assertThat(stop(again)).isZero();
    }

    @Test
    void connectorSecretsReachNoResponseAndNoLogLine() throws Exception {
        Server server = serve(Map.of());
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
        assertThat(stop(server)).isZero();
        String log = java.nio.file.Files.readString(dir.resolve("serve.log"));
        assertThat(responses).doesNotContain(secret).doesNotContain("AKIAEXAMPLE");
        assertThat(log).doesNotContain(secret).doesNotContain("AKIAEXAMPLE");
        assertThat(java.nio.file.Files.readString(dir.resolve("compressor.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
    }

    @Test
    void libvipsRunsWithTheConfiguredThreadCount() throws Exception {
        Server server = serve(Map.of("COMPRESSOR_VIPS_THREADS", "3"));
        assertThat(stop(server)).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("serve.log")))
                .containsPattern("Image engine: libvips 8\\.\\d+\\.\\d+, 3 threads per image");
    }

    @Test
    void aLargeUploadNeverSitsWholeOnTheHeap() throws Exception {
        Server server = serve(Map.of("JAVA_HEAP_FOR_TEST", "-Xmx64m"));
        Matcher key = SECRET.matcher(server.out());
        assertThat(key.find()).isTrue();
        byte[] large = new byte[120 * 1024 * 1024];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, large, 0, 8);
        Http http = new Http(server.url());
        var response = http.upload("/1.0/upload", key.group(), "huge.png", large, null);
        assertThat(response.statusCode()).as("over 32 MB goes to the queue: " + response.body()).isEqualTo(202);
        var job = http.get("/1.0/jobs/" + Http.json(response).get("id").asText() + "?wait=60", "Authorization",
                Http.basic(key.group()));
        assertThat(Http.json(job).get("code").asText()).as(job.body()).isEqualTo("corrupt_image");
        assertThat(new Http(server.url()).get("/health").statusCode()).isEqualTo(200);
        assertThat(stop(server)).isZero();
        assertThat(java.nio.file.Files.readString(dir.resolve("serve.log"))).doesNotContain("OutOfMemoryError");
    }

    @Test
    void badConfigurationExitsNonZeroNamingEveryProblem() throws Exception {
        Process p = start(Map.of("COMPRESSOR_PORT", "abc", "COMPRESSOR_DATABASE_URL", "mysql://db/x"));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains("COMPRESSOR_PORT: expected a whole number").contains("COMPRESSOR_DATABASE_URL: expected");
    }

    @Test
    void anUnreachableDatabaseExitsNonZeroWithoutThePassword() throws Exception {
        Process p = start(Map.of("COMPRESSOR_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:1/compressor?user=app&password=s3cret-pw"));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/compressor")
                .doesNotContain("s3cret-pw");
    }

    private Server serve(Map<String, String> extra) throws IOException {
        Process process = start(extra);
        StringBuffer out = new StringBuffer();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            out.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(l -> out.append(l).append('\n')));
                return new Server(process, out, URI.create(m.group(1)));
            }
        }
        throw new AssertionError("the server exited before listening: " + out
                + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Process start(Map<String, String> extra) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-Duser.timezone=UTC"));
        if (extra.containsKey("JAVA_HEAP_FOR_TEST")) {
            command.add(extra.get("JAVA_HEAP_FOR_TEST"));
        }
        command.addAll(List.of("-jar", Path.of("target", "compressor.jar").toAbsolutePath().toString(), "serve"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("COMPRESSOR_"));
        builder.environment().putAll(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString()));
        extra.forEach((k, v) -> {
            if (k.startsWith("COMPRESSOR_")) {
                builder.environment().put(k, v);
            }
        });
        boolean expectsFailure = extra.containsKey("COMPRESSOR_PORT") || extra.containsKey("COMPRESSOR_DATABASE_URL");
        builder.redirectError(expectsFailure ? ProcessBuilder.Redirect.PIPE
                : ProcessBuilder.Redirect.appendTo(dir.resolve("serve.log").toFile()));
        return builder.start();
    }

    /// `Process.destroy` sends SIGTERM on Linux.
    private static int stop(Server server) throws InterruptedException {
        server.process().destroy();
        assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
        return server.process().exitValue();
    }
}
