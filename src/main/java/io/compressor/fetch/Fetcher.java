package io.compressor.fetch;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/// Downloads a source for `/1.0/fetch`: http and https only, hosts on the allow-list only (for every
/// redirect hop too), at most `maxBytes` (checked on Content-Length, then while reading), within the
/// timeout. `user:pass@` becomes Basic auth; the caller's headers go along, except hop-by-hop ones.
public final class Fetcher {
    static final String USER_AGENT = "Compressor/0.1 (+self-hosted image optimizer)";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "expect");
    private final FetchConfig config;
    private final HttpClient client;

    public Fetcher(FetchConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.timeout()).build();
    }

    public Fetched fetch(String url, Map<String, String> headers) {
        URI uri = parse(url);
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            HttpResponse<InputStream> response = send(uri, headers);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                URI next = uri.resolve(response.headers().firstValue("Location").get());
                if ("https".equals(uri.getScheme()) && "http".equals(next.getScheme())) {
                    throw new ServiceException(ErrorCode.SOURCE_BLOCKED, "The source redirected from https to http ("
                            + next.getHost() + "); only secure redirects are followed.");
                }
                uri = parse(next.toString());
                continue;
            }
            if (status < 200 || status > 299) {
                close(response);
                throw new ServiceException(ErrorCode.SOURCE_STATUS, "The source answered HTTP " + status + " for "
                        + uri.getHost() + uri.getRawPath() + "; check the URL and that the image is public.");
            }
            return new Fetched(nameOf(uri), read(response));
        }
        throw new ServiceException(ErrorCode.SOURCE_STATUS, "The source redirected more than " + config.maxRedirects()
                + " times.");
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "url: expected an absolute http:// or https:// URL but"
                    + " received \"" + url + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "url: expected an absolute http:// or https:// URL but"
                    + " received \"" + url + "\"");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (!config.allowedHosts().contains(host) && !config.allowedHosts().contains(host + ":" + port)) {
            throw new ServiceException(ErrorCode.SOURCE_BLOCKED, "Fetching from " + host + ":" + port + " is not allowed:"
                    + " this server fetches only from the hosts in COMPRESSOR_FETCH_ALLOWED_HOSTS.");
        }
        return uri;
    }

    private HttpResponse<InputStream> send(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(uri)).timeout(config.timeout()).GET()
                .header("User-Agent", USER_AGENT);
        headers.forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("user-agent")) {
                request.header(name, value);
            }
        });
        if (uri.getRawUserInfo() != null) {
            String credentials = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw timeout(uri);
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SOURCE_UNREACHABLE, "Cannot reach " + uri.getHost()
                    + ": the connection failed; check the host name and that it accepts connections.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timeout(uri);
        }
    }

    private byte[] read(HttpResponse<InputStream> response) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > config.maxBytes()) {
            close(response);
            throw tooLarge();
        }
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 64 * 1024);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > config.maxBytes()) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (HttpTimeoutException e) {
            throw timeout(response.uri());
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SOURCE_UNREACHABLE, "The download from " + response.uri().getHost()
                    + " broke off; retry, or check the source.");
        }
    }

    private ServiceException tooLarge() {
        return new ServiceException(ErrorCode.FILE_TOO_LARGE, "The source is larger than " + config.maxBytes()
                + " bytes, the most this server accepts.");
    }

    private static ServiceException timeout(URI uri) {
        return new ServiceException(ErrorCode.SOURCE_TIMEOUT, "The source " + uri.getHost()
                + " did not answer in time; retry, or host the image somewhere faster.");
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getRawPath() == null ? null
                    : uri.getPath(), uri.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            return uri;
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }

    private static String nameOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "image" : last;
    }
}
