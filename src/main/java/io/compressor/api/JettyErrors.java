package io.compressor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/// The errors Jetty answers before a request reaches the routes (headers or a URI too large, a path that is not
/// valid, bytes that are not HTTP) as API.md's error body, with an `X-Request-Id`, and one log line like every
/// request's (`RequestLog`).
final class JettyErrors extends ErrorHandler {
    /// The longest path written to a log line: a refused URI can be anything up to Jetty's limit.
    private static final int LOGGED_PATH = 200;

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        String id = UUID.randomUUID().toString();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(RequestContext.REQUEST_ID_HEADER, id);
        logLine(method(request), path(request), status, id);
        response.write(true, ByteBuffer.wrap(body(id, status)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String id = UUID.randomUUID().toString();
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(RequestContext.REQUEST_ID_HEADER, id);
        logLine("-", "-", status, id);
        return ByteBuffer.wrap(body(id, status));
    }

    private static void logLine(String method, String path, int status, String id) {
        RequestLog.line(method, path, status, 0, id, "-", ErrorWriter.fromStatus(status).code(), null);
    }

    private static byte[] body(String id, int status) {
        try {
            return Json.mapper().writeValueAsBytes(new ErrorBody(id, ErrorWriter.fromStatus(status).code(), message(status)));
        } catch (JsonProcessingException e) {
            return ("{\"success\":false,\"id\":\"" + id + "\",\"code\":\"internal\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String message(int status) {
        return switch (status) {
            case 414 -> "The request's URI is too long; API.md's URIs are short, and options go in the body.";
            case 431 -> "The request's headers are too large; send only the headers the API needs.";
            case 400 -> "The request is not valid HTTP or its path is not valid (an encoded NUL, a segment above the root,"
                    + " or another ambiguous form); send the path as API.md writes it.";
            case 413 -> "The request body is too large.";
            default -> "The request failed with status " + status + " before it reached the API.";
        };
    }

    private static String method(Request request) {
        try {
            return request.getMethod();
        } catch (RuntimeException e) {
            return "-";
        }
    }

    /// The request's path for a log line: at most `LOGGED_PATH` characters, control characters replaced.
    private static String path(Request request) {
        try {
            String path = request.getHttpURI().getPath();
            String shown = path == null ? "-" : path.length() > LOGGED_PATH ? path.substring(0, LOGGED_PATH) + "…" : path;
            return shown.replaceAll("\\p{Cntrl}", "?");
        } catch (RuntimeException e) {
            return "-";
        }
    }
}
