package io.compressor.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.error.ServiceException;
import io.compressor.testing.Fuzz;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The HTTP response reader over mutated answers of a source: a response, or an `IOException` or a
/// `ServiceException` that the fetch answers as `source_*`; nothing else may escape it, and a body read to its end
/// is never longer than what arrived.
class HttpGetFuzzTest {
    private static final List<byte[]> SEEDS = List.of(
            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 5\r\n\r\nhello",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\nTrailer: x\r\n\r\n",
            "HTTP/1.1 301 Moved\r\nLocation: https://example.com/a.png\r\n\r\n",
            "HTTP/1.0 404 Not Found\r\n\r\nno such image", "HTTP/1.1 200\r\n\r\nbody until close")
            .stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList();

    @Test
    void anyAnswerIsAResponseOrAnIoFailure() {
        int runs = Fuzz.run("http response", SEEDS, Duration.ofSeconds(5), 300_000, input -> {
            try {
                HttpGet.Response response = HttpGet.send(new ByteArrayInputStream(input), OutputStream.nullOutputStream(),
                        URI.create("http://example.com/a.png"), Map.of());
                assertThat(response.status()).isBetween(100, 999);
                assertThat(response.body().readAllBytes().length).isLessThanOrEqualTo(input.length);
            } catch (IOException | ServiceException e) {
                // what a fetch answers as source_unreachable or source_status
            }
        });
        assertThat(runs).isGreaterThan(SEEDS.size());
    }
}
