package io.compressor.app;

import static io.compressor.testing.Http.basic;
import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.testing.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// SIGTERM with jobs in flight: the node stops claiming, releases what it cannot finish within the
/// grace period, exits 0, and a restart of the same SQLite node finishes every job at once: the lease is ten
/// minutes, so a job that was not handed back could not be taken again within this test.
class GracefulJobsIT {
    @TempDir
    Path dir;

    @Test
    void sigtermReleasesUnfinishedJobsAndARestartFinishesThem() throws Exception {
        Map<String, String> env = Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_ASYNC_THRESHOLD_BYTES", "0", "COMPRESSOR_SHUTDOWN_GRACE_SECONDS", "1",
                "COMPRESSOR_PROCESSING_PERMITS", "1", "COMPRESSOR_JOB_LEASE_SECONDS", "600");
        Node first = Node.start(env, dir.resolve("first.log"));
        Matcher m = Pattern.compile("cmp_[A-Za-z0-9_-]{40}").matcher(first.out());
        assertThat(m.find()).isTrue();
        String key = m.group();
        List<String> ids = new ArrayList<>();
        Http http = new Http(first.url());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> accepted = http.upload("/1.0/upload", key, "slow" + i + ".jpg", ProcessingApiIT.jpeg(4000, 3000),
                    "{\"image\":{\"format\":\"avif\",\"compression\":\"medium\"}}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            ids.add(json(accepted).get("id").asText());
        }
        Thread.sleep(500);
        assertThat(first.terminate()).as("exits 0 after the grace period").isZero();

        Node second = Node.start(env, dir.resolve("second.log"));
        try {
            Http again = new Http(second.url());
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(150).toNanos();
            for (String id : ids) {
                JsonNode job = json(again.get("/1.0/jobs/" + id, "Authorization", basic(key)));
                while (!job.path("status").asText().matches("completed|failed") && System.nanoTime() < deadline) {
                    job = json(again.get("/1.0/jobs/" + id + "?wait=10", "Authorization", basic(key)));
                }
                assertThat(job.get("status").asText()).as("completed after the restart: " + job).isEqualTo("completed");
                assertThat(job.at("/output/format").asText()).isEqualTo("avif");
            }
        } finally {
            assertThat(second.terminate()).isZero();
        }
    }
}
