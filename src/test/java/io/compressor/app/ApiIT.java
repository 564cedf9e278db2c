package io.compressor.app;

import static io.compressor.testing.Http.basic;
import static io.compressor.testing.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.account.Account;
import io.compressor.account.IssuedKey;
import io.compressor.api.HttpServer;
import io.compressor.testing.Http;
import io.compressor.testing.TestDatabases;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// The HTTP API of the foundation through the real composition root, on SQLite and on PostgreSQL.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class ApiIT {
    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Application app;
    private HttpServer server;
    private Http http;
    private Account account;
    private IssuedKey key;

    @BeforeEach
    void start() {
        app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0",
                "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_DATABASE_URL", TestDatabases.fresh(engine, dir))));
        server = app.httpServer().start();
        http = new Http(server.publicUrl());
        account = app.accounts().create("Acme Images", "ops@acme.test");
        key = app.keys().issue(account.id(), "test");
    }

    @AfterEach
    void stop() {
        server.close();
        app.close();
    }

    @Test
    void accountAnswersToBasicAuthWithTheKeyAsUserName() {
        HttpResponse<String> response = http.get("/1.0/account", "Authorization", basic(key.secret()));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("id").asText()).isEqualTo(account.id());
        assertThat(body.get("name").asText()).isEqualTo("Acme Images");
        assertThat(body.get("email").asText()).isEqualTo("ops@acme.test");
        assertThat(body.at("/plan/max_pixels").asLong()).isEqualTo(100_000_000L);
        assertThat(body.at("/usage/requests").isNumber()).isTrue();
        assertThat(body.at("/usage/bytes_saved").asLong()).isZero();
        assertThat(body.at("/usage/month").asText()).matches("\\d{4}-\\d{2}");
    }

    @Test
    void accountAnswersToBearerAuthAndRecordsTheLastUse() {
        HttpResponse<String> response = http.get("/1.0/account", "Authorization", "Bearer " + key.secret());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("id").asText()).isEqualTo(account.id());
        assertThat(app.keys().list(account.id()).getFirst().lastUsedAt()).isNotNull();
    }

    @Test
    void missingWrongGarbledAndRevokedKeysAre401WithTheErrorBody() {
        IssuedKey revoked = app.keys().issue(account.id(), "to revoke");
        app.keys().revoke(revoked.key().id());
        Map<String, String[]> cases = Map.of(
                "Missing API key", new String[0],
                "Unknown or revoked API key", new String[] {"Authorization", basic("cmp_wrongwrongwrong")},
                "Malformed Authorization header", new String[] {"Authorization", "Basic %%%"},
                "Unknown or revoked", new String[] {"Authorization", "Bearer " + revoked.secret()});
        cases.forEach((message, headers) -> {
            HttpResponse<String> response = http.get("/1.0/account", headers);
            assertThat(response.statusCode()).as(message).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Compressor\"");
            assertErrorBody(response, "unauthorized", message);
        });
    }

    @Test
    void unknownRoutesAndWrongMethodsGetTheErrorBody() {
        assertErrorBody(http.get("/no/such/thing"), "not_found", "No such resource: GET /no/such/thing");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(http.base().resolve("/health"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(405);
        assertErrorBody(post, "method_not_allowed", "POST /health");
    }

    @Test
    void everyResponseCarriesARequestIdAndAPlainCallerIdIsKept() {
        assertThat(http.get("/health").headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).hasSize(36));
        assertThat(http.get("/health", "X-Request-Id", "trace-1234567").headers().firstValue("X-Request-Id"))
                .contains("trace-1234567");
        assertThat(http.get("/health", "X-Request-Id", "bad id\twith junk").headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).doesNotContain("junk"));
    }

    @Test
    void healthChecksTheDatabase() {
        HttpResponse<String> response = http.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("database").asText()).isEqualTo("ok");
    }

    @Test
    void metricsArePrometheusTextWithRequestsAndJvmFigures() {
        http.get("/1.0/account", "Authorization", basic(key.secret()));
        HttpResponse<String> response = http.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/1.0/account\",status=\"200\"} 1")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads");
    }

    @Test
    void aDatabaseOutageIs503OnHealthAnd500InternalWithoutDetailsOnTheApi() {
        app.close();
        HttpResponse<String> health = http.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).get("database").asText()).isEqualTo("unreachable");
        HttpResponse<String> response = http.get("/1.0/account", "Authorization", basic(key.secret()));
        assertThat(response.statusCode()).isEqualTo(500);
        assertErrorBody(response, "internal", "Unexpected server error");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Hikari");
    }

    private static void assertErrorBody(HttpResponse<String> response, String code, String messagePart) {
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).contains(messagePart);
        assertThat(body.get("id").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void aRateLimitPerAccountAnswers429WithRetryAfter() {
        server.close();
        app.close();
        app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_DATABASE_URL", TestDatabases.fresh(engine, dir), "COMPRESSOR_RATE_LIMIT_PER_MINUTE", "3")));
        server = app.httpServer().start();
        http = new Http(server.publicUrl());
        String limited = app.keys().issue(app.accounts().create("Limited", null).id(), "t").secret();
        String other = app.keys().issue(app.accounts().create("Other", null).id(), "t").secret();
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/1.0/account", "Authorization", basic(limited)).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = http.get("/1.0/account", "Authorization", basic(limited));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertErrorBody(refused, "rate_limited", "3 requests a minute");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 21));
        assertThat(http.get("/1.0/account", "Authorization", basic(other)).statusCode()).as("another account").isEqualTo(200);
    }
}
