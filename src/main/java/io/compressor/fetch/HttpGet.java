package io.compressor.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/// One HTTP/1.1 request (a GET, or a webhook's POST) over a socket we connected ourselves, so that nothing resolves the host a second
/// time: request line and headers out, status and headers in, then the body as sent (Content-Length,
/// chunked, or until the connection closes).
final class HttpGet {
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private HttpGet() {}

    record Response(int status, Map<String, String> headers, InputStream body) {
        long contentLength() {
            String value = headers.get("content-length");
            try {
                return value == null ? -1 : Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    static Response send(InputStream in, OutputStream out, URI uri, Map<String, String> headers) throws IOException {
        return send(in, out, "GET", uri, headers, null);
    }

    /// Any method; a `body` goes with its Content-Length.
    static Response send(InputStream in, OutputStream out, String method, URI uri, Map<String, String> headers, byte[] body)
            throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(target(uri)).append(" HTTP/1.1\r\n");
        request.append("Host: ").append(hostHeader(uri)).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("Accept-Encoding: identity\r\nConnection: close\r\n\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-9][0-9]{2}")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        int total = 0;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            total += line.length();
            int colon = line.indexOf(':');
            if (total > MAX_HEADER_BYTES || colon <= 0) {
                throw new IOException("malformed response headers");
            }
            responseHeaders.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        boolean chunked = responseHeaders.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
        return new Response(status, responseHeaders, chunked ? new ChunkedInputStream(in) : in);
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String hostHeader(URI uri) {
        String host = Urls.host(uri);
        boolean defaultPort = uri.getPort() == -1;
        return defaultPort ? host : host + ":" + uri.getPort();
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IOException("response line too long");
            }
            line.write(c);
        }
        if (c == -1 && line.size() == 0) {
            throw new IOException("connection closed before the response");
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /// Decodes `Transfer-Encoding: chunked`.
    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in).split(";", 2)[0].strip();
                try {
                    left = Long.parseLong(size, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size");
                }
                if (left < 0) {
                    throw new IOException("bad chunk size");
                }
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n == -1) {
                throw new IOException("chunked body cut short");
            }
            left -= n;
            if (left == 0) {
                line(in);
            }
            return n;
        }
    }
}
