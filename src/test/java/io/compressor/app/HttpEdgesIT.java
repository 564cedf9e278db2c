package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Requests that Jetty refuses before the application sees them still get API.md's error body, a request id and
/// one log line, like every other error.
class HttpEdgesIT {
    @TempDir
    static Path dir;
    private static Node server;

    @BeforeAll
    static void start() throws IOException {
        server = Node.start(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString()), dir.resolve("serve.log"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        server.terminate();
    }

    /// What came back for a raw request: the status line's code, the headers and the body.
    record Answer(int status, String head, String body) {}

    static Answer send(URI base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a 64 KB header        | 431 | GET /health HTTP/1.1\\r\\nHost: x\\r\\nX-Big: {64k}\\r\\nConnection: close\\r\\n\\r\\n
            a 16 KB path          | 414 | GET /{16k} HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n
            a dot-dot segment     | 404 | GET /1796685727/%2e%2e/x.png HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n
            above the root        | 400 | GET /%2e%2e/%2e%2e/x.png HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n
            a NUL in the path     | 400 | GET /1796685727/%00/x.png HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n
            a garbled request     | 400 | GARBAGE\\r\\n\\r\\n
            """)
    void jettysOwnRefusalsAreTheErrorBodyWithARequestIdAndOneLogLine(String name, int status, String raw) throws Exception {
        String request = raw.replace("\\r\\n", "\r\n").replace("{64k}", "a".repeat(64 * 1024)).replace("{16k}", "p".repeat(16 * 1024));
        Answer answer = send(server.url(), request);
        assertThat(answer.status()).as(answer.head()).isEqualTo(status);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/json");
        String id = answer.head().lines().filter(l -> l.toLowerCase().startsWith("x-request-id:")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        assertThat(id).as(answer.head()).isNotEmpty();
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("code").asText()).isNotEmpty();
        assertThat(body.get("message").asText()).isNotEmpty();
        Thread.sleep(200);
        String log = Files.readString(dir.resolve("serve.log"));
        assertThat(log.lines().filter(l -> l.contains(id))).as(log).hasSize(1);
    }
}
