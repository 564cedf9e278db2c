package io.compressor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.db.Database;
import io.compressor.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Stopping the server lets a request in flight finish, then refuses new connections.
class GracefulStopIT {
    @Test
    void aRequestInFlightFinishesBeforeTheServerStops(@TempDir Path dir) throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        try (Database database = TestServices.sqlite(dir)) {
            HttpServer server = new HttpServer(TestServices.loopback(Optional.empty(), Duration.ofSeconds(10)),
                    TestServices.over(database, dir, () -> {
                        inFlight.countDown();
                        sleep(1500);
                        return database.ping();
                    })).start();
            Http http = new Http(server.publicUrl());
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> http.get("/health"));
            assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

            java.net.URI url = server.publicUrl();
            long started = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(500));

            HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.json(response).get("status").asText()).isEqualTo("ok");
            assertThatThrownBy(() -> new Http(url).get("/health")).hasCauseInstanceOf(java.net.ConnectException.class);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
