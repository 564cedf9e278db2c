package io.compressor.app;

import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.job.Permits;
import io.compressor.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// 2 processing permits and a queue of 4, through the real server. While six long jobs hold every
/// permit and queue place, each of 20 concurrent uploads is refused at once with 429 `busy` and
/// Retry-After. Then, with the six gone, 20 concurrent uploads end as success with a correct output
/// or as `busy`, and at least six succeed.
class BackPressureIT {
    private static final String JOB = "{\"image\":{\"resize\":{\"width\":640,\"height\":480,\"mode\":\"fit\"}}}";

    @TempDir
    Path dir;

    @Test
    void theOverflowGets429AndTheRestSucceed() throws Exception {
        try (Application app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0",
                "COMPRESSOR_DATA_DIR", dir.toString(), "COMPRESSOR_PROCESSING_PERMITS", "2",
                "COMPRESSOR_PROCESSING_QUEUE", "4")));
                ExecutorService threads = Executors.newFixedThreadPool(26)) {
            var server = app.httpServer().start();
            try {
                String key = app.keys().issue(app.accounts().create("Busy", null).id(), "t").secret();
                Http http = new Http(server.publicUrl());
                byte[] photo = ProcessingApiIT.jpeg(1600, 1200);

                CountDownLatch release = new CountDownLatch(1);
                Permits permits = app.permits();
                List<CompletableFuture<Object>> longJobs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    longJobs.add(CompletableFuture.supplyAsync(() -> permits.run(() -> await(release)), threads));
                }
                waitUntil(() -> permits.admitted() == 6);
                for (HttpResponse<String> refused : sendTogether(http, key, photo, threads)) {
                    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
                    assertThat(json(refused).get("code").asText()).isEqualTo("busy");
                    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
                }
                try {
                    // refused before its body is read: 100 bytes of a declared 5 MB are enough for the answer
                    HttpEdgesIT.Answer early = HttpEdgesIT.send(server.publicUrl(), "POST /1.0/upload HTTP/1.1\r\nHost: x\r\n"
                            + "Authorization: " + Http.basic(key) + "\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                            + "Content-Length: 5000000\r\n\r\n" + "x".repeat(100));
                    assertThat(early.status()).as(early.head()).isEqualTo(429);
                } finally {
                    release.countDown();
                }
                for (var job : longJobs) {
                    job.get();
                }
                waitUntil(() -> permits.admitted() == 0);

                int ok = 0;
                for (HttpResponse<String> response : sendTogether(http, key, photo, threads)) {
                    if (response.statusCode() == 200) {
                        ok++;
                        assertThat(json(response).at("/output/width").asInt()).isEqualTo(640);
                        assertThat(json(response).at("/output/height").asInt()).isEqualTo(480);
                    } else {
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                        assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    }
                }
                assertThat(ok).isGreaterThanOrEqualTo(6);
            } finally {
                server.close();
            }
        }
    }

    /// Twenty uploads built ahead and released together.
    private static List<HttpResponse<String>> sendTogether(Http http, String key, byte[] photo, ExecutorService threads)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpRequest.Builder request = http.uploadRequest("/1.0/upload", key, "photo.jpg", photo, JOB);
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return http.send(request);
            }, threads));
        }
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (var call : calls) {
            responses.add(call.get());
        }
        return responses;
    }

    private static Object await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(10);
        }
    }
}
