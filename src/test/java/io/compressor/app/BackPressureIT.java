package io.compressor.app;

import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// 20 uploads at once against 2 processing permits and a queue of 4: the overflow is refused at once
/// with 429 `busy` and Retry-After, and every admitted upload succeeds with a correct output.
class BackPressureIT {
    @TempDir
    Path dir;

    @Test
    void theOverflowGets429AndTheRestSucceed() throws Exception {
        try (Application app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0",
                "COMPRESSOR_DATA_DIR", dir.toString(), "COMPRESSOR_PROCESSING_PERMITS", "2",
                "COMPRESSOR_PROCESSING_QUEUE", "4")))) {
            var server = app.httpServer().start();
            try {
                String key = app.keys().issue(app.accounts().create("Busy", null).id(), "t").secret();
                Http http = new Http(server.publicUrl());
                byte[] photo = ProcessingApiIT.jpeg(4000, 3000);
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
                try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
                    for (int i = 0; i < 20; i++) {
                        // built before the start signal, so that all twenty leave at once
                        var request = http.uploadRequest("/1.0/upload", key, "photo.jpg", photo,
                                "{\"image\":{\"format\":\"avif\",\"resize\":{\"width\":2000,\"height\":1500,\"mode\":\"fit\"}}}");
                        calls.add(CompletableFuture.supplyAsync(() -> {
                            await(go);
                            return http.send(request);
                        }, clients));
                    }
                    go.countDown();
                    int ok = 0;
                    int busy = 0;
                    for (var call : calls) {
                        HttpResponse<String> response = call.get();
                        if (response.statusCode() == 200) {
                            ok++;
                            assertThat(json(response).at("/output/width").asInt()).isEqualTo(2000);
                            assertThat(json(response).at("/output/height").asInt()).isEqualTo(1500);
                        } else {
                            busy++;
                            assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
                            assertThat(json(response).get("code").asText()).isEqualTo("busy");
                            assertThat(response.headers().firstValue("Retry-After")).isPresent();
                        }
                    }
                    assertThat(ok + busy).isEqualTo(20);
                    assertThat(ok).isGreaterThanOrEqualTo(6);
                    assertThat(busy).isPositive();
                }
            } finally {
                server.close();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
