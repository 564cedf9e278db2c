package io.compressor.api;

import static io.compressor.api.OptionsParser.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.account.Connector;
import io.compressor.account.ConnectorService;
import io.compressor.account.Credentials;
import io.compressor.storage.Acl;
import io.compressor.storage.Provider;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/// `/1.0/connectors`: create, list, get, delete and test the account's storage connectors.
/// Credentials go in and never come out: a response shows only the last characters of the key id.
final class ConnectorRoutes {
    private final ConnectorService connectors;

    ConnectorRoutes(ConnectorService connectors) {
        this.connectors = connectors;
    }

    void register(RoutesConfig routes) {
        routes.get("/1.0/connectors", ctx -> ctx.json(new ListBody(true,
                connectors.list(account(ctx)).stream().map(ConnectorBody::of).toList())));
        routes.post("/1.0/connectors", this::create);
        routes.get("/1.0/connectors/{id}", ctx -> ctx.json(ConnectorBody.of(connectors.get(account(ctx), ctx.pathParam("id")))));
        routes.delete("/1.0/connectors/{id}", ctx -> {
            connectors.delete(account(ctx), ctx.pathParam("id"));
            ctx.json(new Deleted(true, ctx.pathParam("id"), true));
        });
        routes.post("/1.0/connectors/{id}/test", this::test);
    }

    private void create(Context ctx) {
        JsonNode body = RequestJson.parse(ctx.body(), "The body");
        OptionsParser.onlyFields(body, "", "name", "provider", "credentials", "endpoint", "path_style", "checksum_mode",
                "defaults");
        Provider provider;
        try {
            provider = Provider.fromWire(text(body, "provider"));
        } catch (IllegalArgumentException e) {
            throw invalid("provider: expected one of " + String.join(", ", Arrays.stream(Provider.values())
                    .map(Provider::wireName).toList()) + " but received " + body.get("provider"));
        }
        JsonNode credentials = body.get("credentials");
        if (credentials == null || !credentials.isObject()) {
            throw invalid("credentials: required, as {\"access_key_id\": ..., \"secret_access_key\": ...}");
        }
        OptionsParser.onlyFields(credentials, "credentials", "access_key_id", "secret_access_key");
        JsonNode defaults = body.get("defaults");
        Connector.Defaults d = Connector.Defaults.NONE;
        if (defaults != null && !defaults.isNull()) {
            OptionsParser.requireObject(defaults, "defaults");
            OptionsParser.onlyFields(defaults, "defaults", "bucket", "region", "path", "acl");
            d = new Connector.Defaults(text(defaults, "bucket"), text(defaults, "region"), text(defaults, "path"),
                    acl(text(defaults, "acl")));
        }
        String checksum = text(body, "checksum_mode");
        if (checksum != null && !List.of("when_required", "when_supported").contains(checksum)) {
            throw invalid("checksum_mode: expected one of when_required, when_supported but received \"" + checksum + "\"");
        }
        Connector created = connectors.create(account(ctx), new ConnectorService.NewConnector(text(body, "name"), provider,
                text(body, "endpoint"), body.hasNonNull("path_style") ? body.get("path_style").asBoolean() : null,
                checksum == null ? null : checksum.equals("when_required"), d,
                new Credentials(String.valueOf(text(credentials, "access_key_id")),
                        String.valueOf(text(credentials, "secret_access_key")))));
        ctx.status(201).json(ConnectorBody.of(created));
    }

    private void test(Context ctx) {
        JsonNode body = RequestJson.parse(ctx.body(), "The body");
        OptionsParser.onlyFields(body, "", "bucket", "region");
        String bucket = connectors.test(account(ctx), ctx.pathParam("id"), text(body, "bucket"), text(body, "region"));
        ctx.json(new Tested(true, ctx.pathParam("id"), bucket, "Wrote and removed a probe object in \"" + bucket + "\"."));
    }

    private static Acl acl(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(Acl.values()).filter(a -> a.wireName().equals(value)).findFirst().orElseThrow(() ->
                invalid("defaults.acl: expected one of " + String.join(", ", Arrays.stream(Acl.values()).map(Acl::wireName)
                        .toList()) + " but received \"" + value + "\""));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field + ": expected a string but received " + value);
        }
        return value.asText();
    }

    private static String account(Context ctx) {
        return RequestContext.requireAccount(ctx).id();
    }

    record ListBody(boolean success, List<ConnectorBody> connectors) {}

    record Deleted(boolean success, String id, boolean deleted) {}

    record Tested(boolean success, String id, String bucket, String message) {}

    /// A connector as the API shows it: everything but the credentials, of which only a hint.
    record ConnectorBody(boolean success, String id, String name, String provider, String endpoint, boolean pathStyle,
            String checksumMode, DefaultsBody defaults, CredentialsBody credentials, Instant createdAt) {
        static ConnectorBody of(Connector c) {
            return new ConnectorBody(true, c.id(), c.name(), c.provider().wireName(), c.endpoint(), c.pathStyle(),
                    c.checksumWhenRequired() ? "when_required" : "when_supported",
                    new DefaultsBody(c.defaults().bucket(), c.defaults().region(), c.defaults().pathPrefix(),
                            c.defaults().acl() == null ? null : c.defaults().acl().wireName()),
                    new CredentialsBody(c.keyHint()), c.createdAt());
        }
    }

    record DefaultsBody(String bucket, String region, String path, String acl) {}

    record CredentialsBody(String accessKeyId) {}
}
