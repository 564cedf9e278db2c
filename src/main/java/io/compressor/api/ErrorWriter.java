package io.compressor.api;

import io.compressor.error.ErrorCode;
import io.compressor.error.RetryLaterException;
import io.compressor.error.ServiceException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The one place that writes error bodies. Every failure, whether thrown by a service, raised by
/// Javalin (unknown route, wrong method) or unexpected, leaves as API.md's error body. The request's log line
/// (`RequestLog`) names its code; our own faults are also logged at ERROR with their stack trace, and answered
/// without any internal detail.
final class ErrorWriter {
    private static final Logger log = LoggerFactory.getLogger(ErrorWriter.class);
    private static final String WRITTEN = "compressor.errorWritten";

    private ErrorWriter() {}

    static void register(RoutesConfig routes) {
        routes.exception(ServiceException.class, (e, ctx) -> {
            if (e.errorCode().ours()) {
                log.error("request {} failed with {}: {}", RequestContext.id(ctx), e.code(), e.getMessage(), e);
            } else if (e.errorCode().ofTheSource() || e.errorCode().ofTheBucket()) {
                // the client's URL or bucket failed: said on the request's one log line (anyone may send bad URLs all day)
                ctx.attribute(RequestLog.CAUSE, e.getMessage());
            }
            if (e instanceof RetryLaterException later) {
                ctx.header("Retry-After", Long.toString(Math.max(1, later.retryAfter().toSeconds())));
            }
            write(ctx, e.errorCode(), e.getMessage());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromStatus(e.getStatus()), describe(ctx, e.getStatus())));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("request {} failed unexpectedly", RequestContext.id(ctx), e);
            write(ctx, ErrorCode.INTERNAL, "Unexpected server error. Retry later; if it persists, give the operator"
                    + " the request id " + RequestContext.id(ctx));
        });
        routes.error(404, ctx -> writeUnlessWritten(ctx, ErrorCode.NOT_FOUND));
        routes.error(405, ctx -> writeUnlessWritten(ctx, ErrorCode.METHOD_NOT_ALLOWED));
    }

    private static void writeUnlessWritten(Context ctx, ErrorCode code) {
        if (ctx.attribute(WRITTEN) == null) {
            write(ctx, code, describe(ctx, code.status()));
        }
    }

    static void write(Context ctx, ErrorCode code, String message) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        ctx.attribute(RequestLog.CODE, code.code());
        if (code == ErrorCode.UNAUTHORIZED) {
            ctx.header("WWW-Authenticate", "Basic realm=\"Compressor\"");
        }
        closeUnlessBodyRead(ctx);
        ctx.status(code.status()).json(new ErrorBody(RequestContext.id(ctx), code.code(), message));
    }

    /// An error answered before the request's body was read to its end (an upload refused as too large, or before it
    /// was read at all) closes the connection: what is left of the body must not be taken for the next request.
    private static void closeUnlessBodyRead(Context ctx) {
        boolean finished;
        try {
            finished = ctx.req().getInputStream().isFinished();
        } catch (java.io.IOException | IllegalStateException e) {
            finished = false;
        }
        if (!finished) {
            ctx.header("Connection", "close");
        }
    }

    /// The code of an error raised with a bare HTTP status, by Javalin or by Jetty (`JettyErrors`).
    static ErrorCode fromStatus(int status) {
        return switch (status) {
            case 400, 414, 431 -> ErrorCode.INVALID_OPTION;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.FILE_TOO_LARGE;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> ErrorCode.INTERNAL;
        };
    }

    /// The message of a status Javalin raised itself, naming the request.
    static String describe(Context ctx, int status) {
        String request = ctx.method() + " " + ctx.path();
        return switch (status) {
            case 404 -> "No such resource: " + request + ". API.md lists the endpoints.";
            case 405 -> "Method not allowed: " + request + ". API.md lists the methods of each endpoint.";
            case 413 -> "The request body is too large.";
            default -> "Request failed with status " + status + ": " + request;
        };
    }
}
