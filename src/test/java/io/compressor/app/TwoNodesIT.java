package io.compressor.app;

import static io.compressor.testing.Http.basic;
import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.compressor.testing.Http;
import io.compressor.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Two server processes share one real PostgreSQL, one spool bucket on the real S3 gateway and one data
/// folder (hosted results). Fifty queued jobs are sent to both; one node is killed with SIGKILL while both
/// hold jobs, and the jobs it held are the ones run a second time. Every job completes exactly once on the
/// survivor, every webhook arrives with a valid signature (once, but for the one the killed node may have been
/// sending), and no output is written twice with different content.
class TwoNodesIT {
    @TempDir
    Path dir;

    @Test
    void aNodeKilledMidWayLosesNoJob() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger failuresLeft = new AtomicInteger(2);
        Map<String, Integer> delivered = new ConcurrentHashMap<>();
        List<String> badSignatures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<String, String> secretHolder = new ConcurrentHashMap<>();
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            if (status == 200) {
                String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("id").asText();
                delivered.merge(id, 1, Integer::sum);
                String expected = "sha256=" + hmac(secretHolder.get("secret"), body);
                if (!expected.equals(exchange.getRequestHeaders().getFirst("X-Compressor-Signature"))) {
                    badSignatures.add(id);
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        String database = TestDatabases.fresh("postgres", dir);
        Map<String, String> env = new HashMap<>(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_DATABASE_URL", database,
                "COMPRESSOR_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "COMPRESSOR_JOB_LEASE_SECONDS", "3", "COMPRESSOR_WEBHOOK_RETRY_SECONDS", "1",
                "COMPRESSOR_FETCH_ALLOWED_CIDRS", "127.0.0.1/32", "COMPRESSOR_ASYNC_THRESHOLD_BYTES", "0"));
        var s3 = io.compressor.testing.TestS3.admin();
        String spoolBucket = io.compressor.testing.TestS3.createBucket(s3, "spool");
        env.putAll(Map.of("COMPRESSOR_SPOOL_URL", "s3://" + spoolBucket + "/queued",
                "COMPRESSOR_SPOOL_S3_ENDPOINT", io.compressor.testing.TestS3.endpoint(),
                "COMPRESSOR_SPOOL_S3_ACCESS_KEY_ID", "test", "COMPRESSOR_SPOOL_S3_SECRET_ACCESS_KEY", "testsecret"));
        StringWriter out = new StringWriter();
        Main.run(env, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "accounts", "create", "--name", "Nodes");
        Matcher m = Pattern.compile("cmp_[A-Za-z0-9_-]{40}").matcher(out.toString());
        assertThat(m.find()).isTrue();
        String key = m.group();

        Node a = Node.start(env, dir.resolve("a.log"));
        Node b = Node.start(env, dir.resolve("b.log"));
        try {
            secretHolder.put("secret", json(new Http(b.url()).get("/1.0/account", "Authorization", basic(key)))
                    .get("webhook_secret").asText());
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            byte[] photo = ProcessingApiIT.jpeg(1200, 900);
            List<String> ids = new ArrayList<>();
            List<String> withHooks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                boolean hooked = i % 5 == 0;
                Http node = new Http(i % 2 == 0 ? a.url() : b.url());
                HttpResponse<String> accepted = node.upload("/1.0/upload", key, "p" + i + ".jpg", photo,
                        "{\"image\":{\"format\":\"webp\"}" + (hooked ? ",\"webhook\":{\"url\":\"" + hook + "\"}" : "") + "}");
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                String id = json(accepted).get("id").asText();
                ids.add(id);
                if (hooked) {
                    withHooks.add(id);
                }
            }
            Map<String, String> heldAtKill = heldWhenBothNodesWork(database);
            a.kill();

            Http survivor = new Http(b.url());
            for (String id : ids) {
                JsonNode job = null;
                for (int round = 0; round < 6; round++) {
                    job = json(survivor.get("/1.0/jobs/" + id + "?wait=30", "Authorization", basic(key)));
                    if (job.path("status").asText().matches("completed|failed")) {
                        break;
                    }
                }
                assertThat(job.get("success").asBoolean()).as(job.toString()).isTrue();
                assertThat(job.get("status").asText()).as("completed: " + job).isEqualTo("completed");
                String name = job.at("/output/name").asText();
                List<Path> written;
                try (var files = Files.walk(dir.resolve("results"))) {
                    written = files.filter(p -> p.getFileName().toString().startsWith(id + "-")).toList();
                }
                // a job whose node died after writing its output runs again elsewhere: the first copy is an
                // orphan the sweeper removes, and it must hold the very same bytes
                assertThat(written).as("hosted outputs of " + id).isNotEmpty();
                for (Path copy : written) {
                    assertThat(copy.getFileName().toString()).isEqualTo(id + "-" + name);
                    assertThat(sha1(Files.readAllBytes(copy))).isEqualTo(job.at("/output/sha1").asText());
                }
                assertThat(job.get("url").asText()).endsWith("/" + id + "/" + name);
            }
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (delivered.size() < withHooks.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(withHooks);
            // at least once: the killed node may have sent one webhook (its sender posts one at a time) and died
            // before recording the answer, so that one alone may arrive again; every other arrives exactly once
            assertThat(delivered.values()).as("deliveries per webhook").allMatch(n -> n == 1 || n == 2);
            assertThat(delivered.values().stream().filter(n -> n == 2)).as("webhooks delivered twice").hasSizeLessThanOrEqualTo(1);
            assertThat(badSignatures).isEmpty();
            // a node killed between recording a job done and removing its input leaves that input behind
            // (at most one per worker); every other spooled input is gone
            var left = s3.listObjectsV2(r -> r.bucket(spoolBucket)).contents();
            assertThat(left).as("spooled inputs left").hasSizeLessThanOrEqualTo(2);
            for (var object : left) {
                assertThat(ids).contains(object.key().substring("queued/".length()));
            }
            // the killed node held jobs: those it was processing were claimed again (a second attempt) by the
            // survivor; no job the survivor held needed one
            Map<String, Integer> attempts = attempts(database);
            List<String> rerun = attempts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            assertThat(rerun).as("jobs run again after the kill").isNotEmpty();
            assertThat(heldAtKill).as("processing when the node was killed").containsKeys(rerun.toArray(String[]::new));
            assertThat(rerun.stream().map(heldAtKill::get).distinct()).as("owners of the jobs run again").hasSize(1);
            assertThat(b.terminate()).isZero();
        } finally {
            a.kill();
            b.kill();
            receiver.stop(0);
        }
    }

    /// The jobs being processed, with the node that holds each, once both nodes hold at least one.
    private static Map<String, String> heldWhenBothNodesWork(String database) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> held = new HashMap<>();
            try (var c = java.sql.DriverManager.getConnection(database); var st = c.createStatement();
                    var rows = st.executeQuery("SELECT id, lease_owner FROM jobs WHERE status = 'processing'")) {
                while (rows.next()) {
                    held.put(rows.getString(1), rows.getString(2));
                }
            }
            if (held.values().stream().distinct().count() == 2) {
                return held;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the two nodes never held jobs at the same time");
    }

    private static Map<String, Integer> attempts(String database) throws Exception {
        Map<String, Integer> attempts = new HashMap<>();
        try (var c = java.sql.DriverManager.getConnection(database); var st = c.createStatement();
                var rows = st.executeQuery("SELECT id, attempts FROM jobs")) {
            while (rows.next()) {
                attempts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return attempts;
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

    @Test
    void aLongPollOnOneNodeWakesWhenTheJobEndsOnAnother() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_DATABASE_URL", TestDatabases.fresh("postgres", dir),
                "COMPRESSOR_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "COMPRESSOR_ASYNC_THRESHOLD_BYTES", "0"));
        StringWriter out = new StringWriter();
        Main.run(env, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "accounts", "create", "--name", "Poll");
        Matcher m = Pattern.compile("cmp_[A-Za-z0-9_-]{40}").matcher(out.toString());
        assertThat(m.find()).isTrue();
        String key = m.group();
        Node a = Node.start(env, dir.resolve("a.log"));
        Node b = null;
        try {
            HttpResponse<String> accepted = new Http(a.url()).upload("/1.0/upload", key, "slow.jpg",
                    ProcessingApiIT.jpeg(4000, 3000), "{\"image\":{\"format\":\"avif\",\"compression\":\"medium\"}}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            String id = json(accepted).get("id").asText();
            b = Node.start(env, dir.resolve("b.log"));
            long started = System.nanoTime();
            JsonNode job = json(new Http(b.url()).get("/1.0/jobs/" + id + "?wait=60", "Authorization", basic(key)));
            java.time.Duration waited = java.time.Duration.ofNanos(System.nanoTime() - started);
            assertThat(job.get("status").asText()).as("completed: " + job).isEqualTo("completed");
            assertThat(waited).as("woken by the other node's NOTIFY, not by the 60 s timeout").isLessThan(java.time.Duration.ofSeconds(45));
        } finally {
            a.kill();
            if (b != null) {
                b.kill();
            }
        }
    }
}
