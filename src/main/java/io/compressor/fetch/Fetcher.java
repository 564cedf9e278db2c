package io.compressor.fetch;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/// Downloads a source for `/1.0/fetch` without handing the client the server's network. For every
/// connection, each redirect hop included: resolve the name once, check every address against the
/// policy, connect to the checked address ourselves (TLS with the original name for SNI and the
/// certificate check), and never let anything resolve again. Caps on redirects, bytes and time.
public final class Fetcher {
    public static final String USER_AGENT = "Compressor/0.1 (self-hosted image optimizer)";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "expect",
            "user-agent", "accept-encoding");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final FetchConfig config;
    private final AddressPolicy policy;
    private final Resolver resolver;
    private final Dialer dialer;

    public Fetcher(FetchConfig config) {
        this(config, Resolver.SYSTEM, Dialer.SYSTEM);
    }

    public Fetcher(FetchConfig config, Resolver resolver, Dialer dialer) {
        this.config = config;
        this.policy = new AddressPolicy(config.allowedCidrs());
        this.resolver = resolver;
        this.dialer = dialer;
    }

    public Fetched fetch(String url, Map<String, String> headers) {
        Map<String, String> forwarded = forwardable(headers);
        Deadline deadline = new Deadline(config.timeout().toMillis());
        URI uri = Urls.parse(url);
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            InetAddress address = checkedAddress(uri);
            try (Socket socket = connect(address, uri, deadline)) {
                InputStream in = deadline.guard(socket, socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                HttpGet.Response response = HttpGet.send(in, out, uri, withAuth(uri, forwarded));
                int status = response.status();
                if (status >= 300 && status < 400 && response.headers().containsKey("location")) {
                    uri = Urls.redirect(uri, response.headers().get("location"));
                    continue;
                }
                if (status < 200 || status > 299) {
                    throw new ServiceException(ErrorCode.SOURCE_STATUS, "The source answered HTTP " + status + " for "
                            + Urls.host(uri) + Optional.ofNullable(uri.getRawPath()).orElse("/")
                            + "; check the URL and that the image is public.");
                }
                return download(response, Urls.fileName(uri));
            } catch (SocketTimeoutException e) {
                throw timeout(uri);
            } catch (IOException e) {
                throw new ServiceException(ErrorCode.SOURCE_UNREACHABLE, "Cannot fetch from " + Urls.host(uri)
                        + ": the connection failed or broke off; check the host and that it serves the image.");
            }
        }
        throw new ServiceException(ErrorCode.SOURCE_STATUS, "The source redirected more than " + config.maxRedirects()
                + " times; give the final URL.");
    }

    /// POSTs `body` to `url` under the same address policy as a fetch (a webhook may not reach the private
    /// network either), without following redirects; returns the status code.
    public int post(String url, Map<String, String> headers, byte[] body) {
        Deadline deadline = new Deadline(config.timeout().toMillis());
        URI uri = Urls.parse(url);
        InetAddress address = checkedAddress(uri);
        try (Socket socket = connect(address, uri, deadline)) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            return HttpGet.send(deadline.guard(socket, socket.getInputStream()), socket.getOutputStream(), "POST", uri,
                    withAuth(uri, all), body).status();
        } catch (SocketTimeoutException e) {
            throw timeout(uri);
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.SOURCE_UNREACHABLE, "Cannot reach " + Urls.host(uri) + ": "
                    + e.getMessage());
        }
    }

    /// Checks a webhook URL when the request names it, as each delivery checks it again: an address the policy
    /// refuses is `source_blocked` (403). A host that does not resolve yet passes: its deliveries will say so.
    public void checkWebhook(String url) {
        URI uri;
        try {
            uri = Urls.parse(url);
        } catch (ServiceException e) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "webhook.url: expected an http:// or https:// URL but"
                    + " received \"" + url + "\"");
        }
        checkedAddress(uri, Reach.WEBHOOK);
    }

    /// Whom a checked address is for: how errors name the host, and whether a name that does not resolve fails.
    private record Reach(String subject, boolean mustResolve) {
        static final Reach SOURCE = new Reach("The source", true);
        static final Reach WEBHOOK = new Reach("webhook.url: the webhook host", false);
    }

    private InetAddress checkedAddress(URI uri) {
        return checkedAddress(uri, Reach.SOURCE);
    }

    /// Resolves once and checks every address; one refused address refuses the host. Null for a name that does not
    /// resolve when `reach` need not.
    private InetAddress checkedAddress(URI uri, Reach reach) {
        String host = Urls.host(uri);
        List<InetAddress> addresses;
        Optional<InetAddress> literal;
        try {
            literal = HostLiteral.parse(host);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "url: " + e.getMessage());
        }
        try {
            addresses = literal.isPresent() ? List.of(literal.get()) : resolver.resolve(host);
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty() && !reach.mustResolve()) {
            return null;
        }
        if (addresses.isEmpty()) {
            throw new ServiceException(ErrorCode.SOURCE_UNREACHABLE, "Cannot resolve " + host + "; check the host name.");
        }
        if (literal.isEmpty() && config.hostAllowed(host)) {
            return addresses.getFirst();
        }
        for (InetAddress address : addresses) {
            Optional<String> rule = policy.refusal(address);
            if (rule.isPresent()) {
                throw new ServiceException(ErrorCode.SOURCE_BLOCKED, reach.subject() + " " + host + " is "
                        + address.getHostAddress() + ", which is refused (" + rule.get() + "); only public addresses are"
                        + " reached (an operator may allow it with COMPRESSOR_FETCH_ALLOWED_CIDRS).");
            }
        }
        return addresses.getFirst();
    }

    private Socket connect(InetAddress address, URI uri, Deadline deadline) throws IOException {
        int timeout = (int) Math.max(1, Math.min(config.connectTimeout().toMillis(), deadline.remainingMillis()));
        Socket socket = dialer.dial(new InetSocketAddress(address, Urls.port(uri)), timeout);
        if (!"https".equals(uri.getScheme())) {
            return socket;
        }
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(socket, Urls.host(uri), Urls.port(uri), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (HostLiteral.parse(Urls.host(uri)).isEmpty()) {
            parameters.setServerNames(List.of(new SNIHostName(Urls.host(uri))));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout((int) Math.max(1, deadline.remainingMillis()));
        tls.startHandshake();
        return tls;
    }

    /// Streams the body to a temporary file, refusing past the cap (on Content-Length first), and opens it for
    /// reading; the file is unlinked whatever happens (an open stream still reads an unlinked file on Linux).
    private Fetched download(HttpGet.Response response, String name) throws IOException {
        long declared = response.contentLength();
        if (declared > config.maxBytes()) {
            throw tooLarge();
        }
        Files.createDirectories(config.tempDir());
        Path file = Files.createTempFile(config.tempDir(), "fetch-", ".part");
        try {
            long total = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long expected = declared < 0 ? Long.MAX_VALUE : declared;
                int n;
                while (total < expected && (n = response.body().read(buffer, 0, (int) Math.min(buffer.length, expected - total))) != -1) {
                    total += n;
                    if (total > config.maxBytes()) {
                        throw tooLarge();
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (declared >= 0 && total < declared) {
                throw new IOException("body shorter than its Content-Length");
            }
            return new Fetched(name, total, Files.newInputStream(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Map<String, String> forwardable(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("User-Agent", USER_AGENT);
        out.put("Accept", "image/*, */*;q=0.5");
        headers.forEach((name, value) -> {
            if (!TOKEN.matcher(name).matches() || value.contains("\r") || value.contains("\n")) {
                throw new ServiceException(ErrorCode.INVALID_OPTION, "headers." + name
                        + ": a header name must be a token and its value one line");
            }
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static Map<String, String> withAuth(URI uri, Map<String, String> headers) {
        if (uri.getRawUserInfo() == null) {
            return headers;
        }
        Map<String, String> out = new LinkedHashMap<>(headers);
        String credentials = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
        out.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private ServiceException tooLarge() {
        return new ServiceException(ErrorCode.FILE_TOO_LARGE, "The source is larger than " + config.maxBytes()
                + " bytes, the most this server accepts.");
    }

    private static ServiceException timeout(URI uri) {
        return new ServiceException(ErrorCode.SOURCE_TIMEOUT, "The source " + Urls.host(uri)
                + " did not answer in time; retry, or host the image somewhere faster.");
    }
}
