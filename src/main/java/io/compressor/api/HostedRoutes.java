package io.compressor.api;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.pipeline.ImageFormat;
import io.compressor.storage.TempHosting;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/// `GET /{expires}/{id}/{name}`: a hosted result, public (the URL is the secret), until it expires.
/// The content never changes, so it is cacheable until then and its ETag is the job id. `HEAD` answers the same
/// headers without the body; `nosniff` keeps a browser from reading an image with a script appended as anything else.
final class HostedRoutes {
    private final TempHosting hosting;
    private final Clock clock;

    HostedRoutes(TempHosting hosting, Clock clock) {
        this.hosting = hosting;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/{expires}/{id}/{name}", ctx -> serve(ctx, true));
        routes.head("/{expires}/{id}/{name}", ctx -> serve(ctx, false));
    }

    private void serve(Context ctx, boolean body) {
        String expires = ctx.pathParam("expires");
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("name");
        if (!expires.matches("\\d{1,12}")) {
            throw new ServiceException(ErrorCode.NOT_FOUND, ErrorWriter.describe(ctx, 404));
        }
        Path file = hosting.find(expires, id, name).orElseThrow(() -> new ServiceException(ErrorCode.NOT_FOUND,
                "No such result: it has expired or the URL is not one this server gave out."));
        String etag = "\"" + id + "\"";
        long maxAge = Math.max(0, Long.parseLong(expires) - clock.instant().getEpochSecond());
        ctx.header("ETag", etag).header("Cache-Control", "public, max-age=" + maxAge + ", immutable")
                .header("X-Content-Type-Options", "nosniff");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        try {
            ctx.contentType(mimeOf(name)).header("Content-Length", Long.toString(Files.size(file)));
            if (body) {
                ctx.result(Files.newInputStream(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mimeOf(String name) {
        return ImageFormat.named(name).map(ImageFormat::mime).orElse("application/octet-stream");
    }
}
