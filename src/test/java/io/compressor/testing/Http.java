package io.compressor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/// A small real HTTP client for tests, with the two ways API.md allows to send a key.
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final URI base;

    public Http(URI base) {
        this(base, HttpClient.newHttpClient());
    }

    public Http(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    public static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /// A `multipart/form-data` POST with a `file` part and, when given, a `data` part, as `curl -F` sends them.
    public HttpResponse<String> upload(String path, String key, String fileName, byte[] file, String data) {
        return send(uploadRequest(path, key, fileName, file, data));
    }

    /// As `upload`, with the `data` part sent as a file (`curl -F data=@opts.json`, or a browser's `FormData` Blob).
    public HttpResponse<String> uploadWithDataFile(String path, String key, String fileName, byte[] file, String data) {
        return send(uploadRequest(path, key, fileName, file, data, true));
    }

    /// The request `upload` sends, built ahead so that many can leave at the same moment.
    public HttpRequest.Builder uploadRequest(String path, String key, String fileName, byte[] file, String data) {
        return uploadRequest(path, key, fileName, file, data, false);
    }

    private HttpRequest.Builder uploadRequest(String path, String key, String fileName, byte[] file, String data,
            boolean dataAsFile) {
        String boundary = "----compressor-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        if (data != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\""
                    + (dataAsFile ? "; filename=\"opts.json\"\r\nContent-Type: application/json" : "") + "\r\n\r\n" + data
                    + "\r\n");
        }
        if (file != null) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(file);
            text.accept("\r\n");
        }
        text.accept("--" + boundary + "--\r\n");
        return HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Authorization", basic(key)).header("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    /// Signs in to the dashboard as a browser does: fetches the sign-in form for its token and cookie, then posts
    /// the form with them. A success is a 303 that sets the session cookie.
    public HttpResponse<String> signInToDashboard(String email, String password) {
        HttpResponse<String> form = get("/dashboard/sign-in");
        String token = form.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        String body = "csrf=" + token + "&email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(base.resolve("/dashboard/sign-in")).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
    }

    public HttpResponse<String> postJson(String path, String key, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)),
                "Authorization", basic(key), "Content-Type", "application/json");
    }

    public HttpResponse<byte[]> download(URI url) {
        try {
            return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return base;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
