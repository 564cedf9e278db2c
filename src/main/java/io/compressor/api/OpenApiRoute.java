package io.compressor.api;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/// `GET /openapi.json`: the API described for tools and client generators, read once from the jar.
final class OpenApiRoute {
    private final byte[] document;

    OpenApiRoute() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream("/public/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }
}
