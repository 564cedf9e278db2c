package io.compressor.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One log line and one timer sample per request. The line holds method, path, status, time,
/// request id and account id, and for an error its code, plus the cause when the client's URL or bucket failed:
/// never a header, a query string or a body, so no key can leak into it.
final class RequestLog {
    /// Request attributes `ErrorWriter` sets: the error code answered, and the cause of a client-caused 5xx.
    static final String CODE = "compressor.errorCode";
    static final String CAUSE = "compressor.errorCause";
    private static final Logger log = LoggerFactory.getLogger("compressor.requests");
    private final MeterRegistry metrics;

    RequestLog(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void record(Context ctx, Float millis) {
        int status = ctx.statusCode();
        String account = RequestContext.account(ctx).map(a -> a.id()).orElse("-");
        line(ctx.method().name(), ctx.path(), status, millis, RequestContext.id(ctx), account, ctx.attribute(CODE),
                ctx.attribute(CAUSE));
        Timer.builder("http.server.requests")
                .description("HTTP requests by route, method and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx, status))
                .tag("status", Integer.toString(status))
                .register(metrics)
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    }

    /// The request's line; `code` and `cause` are left out when null.
    static void line(String method, String path, int status, float millis, String id, String account, String code,
            String cause) {
        log.info("{} {} {} {}ms id={} account={}{}{}", method, path, status, String.format(java.util.Locale.ROOT, "%.1f", millis),
                id, account, code == null ? "" : " code=" + code, cause == null ? "" : " cause=\"" + oneLine(cause) + "\"");
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace('"', '\'');
    }

    /// The route pattern rather than the path, so that ids in paths do not explode the series count.
    private static String route(Context ctx, int status) {
        if (status == 404 || status == 405) {
            return "unmatched";
        }
        Endpoint endpoint = ctx.endpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }
}
