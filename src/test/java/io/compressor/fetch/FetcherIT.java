package io.compressor.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.compressor.error.ServiceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The fetcher against a real source on loopback. Names resolve through a test resolver, and every
/// connection goes through a dialer that records its address and refuses anything but loopback, so no
/// packet leaves the machine even if the policy were broken; the policy must refuse before the dialer.
class FetcherIT {
    private static final byte[] IMAGE = "\u0089PNG\r\n\u001a\n pretend image".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path temp;

    private HttpServer source;
    private int port;
    private final AtomicInteger sourceHits = new AtomicInteger();
    /// The request headers the source saw for /image.png, by lower-case name.
    private final Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<InetSocketAddress> dialed = new CopyOnWriteArrayList<>();
    private final Map<String, List<List<InetAddress>>> names = new HashMap<>();
    private final Map<String, AtomicInteger> lookups = new HashMap<>();

    @BeforeEach
    void startSource() throws IOException {
        source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        source.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        port = source.getAddress().getPort();
        source.createContext("/", exchange -> {
            sourceHits.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                switch (path) {
                    case "/image.png" -> {
                        exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.getFirst()));
                        exchange.getResponseHeaders().add("X-Seen-UA", exchange.getRequestHeaders().getFirst("User-Agent"));
                        exchange.sendResponseHeaders(200, IMAGE.length);
                        out.write(IMAGE);
                    }
                    case "/redirect" -> {
                        exchange.getResponseHeaders().add("Location", java.net.URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8));
                        exchange.sendResponseHeaders(302, -1);
                    }
                    case "/loop" -> {
                        exchange.getResponseHeaders().add("Location", "/loop");
                        exchange.sendResponseHeaders(301, -1);
                    }
                    case "/trickle" -> {
                        exchange.sendResponseHeaders(200, 100);
                        for (int i = 0; i < 100; i++) {
                            out.write('x');
                            out.flush();
                            sleep(100);
                        }
                    }
                    case "/endless" -> {
                        exchange.sendResponseHeaders(200, 0);
                        byte[] chunk = new byte[8192];
                        for (int i = 0; i < 100; i++) {
                            out.write(chunk);
                        }
                    }
                    case "/declared-huge" -> {
                        exchange.sendResponseHeaders(200, 10_000_000);
                        out.write(new byte[10]);
                        out.flush();
                    }
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            } catch (IOException ignored) {
                // the client hung up, as it should in several cases
            }
        });
        source.start();
    }

    @AfterEach
    void stopSource() throws IOException {
        source.stop(0);
        try (var left = Files.list(temp)) {
            assertThat(left.toList()).as("temporary downloads left behind").isEmpty();
        }
        assertThat(Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey() != Thread.currentThread())
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("io.compressor.fetch")))
                .toList()).as("threads still inside the fetcher").isEmpty();
    }

    private Fetcher fetcher(Set<String> hosts, List<Cidr> cidrs, long maxBytes, Duration timeout) {
        Resolver resolver = host -> {
            lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            List<List<InetAddress>> answers = names.get(host);
            if (answers == null || answers.isEmpty()) {
                throw new java.net.UnknownHostException(host);
            }
            return answers.size() == 1 ? answers.getFirst() : answers.removeFirst();
        };
        Dialer dialer = (address, timeoutMillis) -> {
            dialed.add(address);
            if (!address.getAddress().isLoopbackAddress()) {
                throw new ConnectException("the test refuses every connection off loopback: " + address);
            }
            return Dialer.SYSTEM.dial(address, timeoutMillis);
        };
        return new Fetcher(new FetchConfig(hosts, cidrs, maxBytes, Duration.ofSeconds(2), timeout, 5, temp), resolver, dialer);
    }

    private Fetcher strict() {
        return fetcher(Set.of(), List.of(), 1_000_000, Duration.ofSeconds(3));
    }

    private Fetcher allowingLoopback() {
        return fetcher(Set.of(), List.of(Cidr.parse("127.0.0.1/32")), 100_000, Duration.ofSeconds(1));
    }

    private void name(String host, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String a : addresses) {
            list.add(HostLiteral.parse(a).orElseThrow());
        }
        names.computeIfAbsent(host, h -> new ArrayList<>()).add(list);
    }

    private static String codeOf(Runnable call) {
        try {
            call.run();
            return "no error";
        } catch (ServiceException e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "2130706433", "0177.0.0.1", "127.1", "0x7f.0.0.1", "0x7f000001", "017700000001",
            "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::ffff:0:7f00:1]", "[::127.0.0.1]", "10.0.0.1", "172.16.5.4",
            "192.168.1.1", "169.254.169.254", "0.0.0.0", "0", "224.0.0.1", "255.255.255.255", "100.64.0.1", "[fc00::1]",
            "[fd12:3456::1]", "[fe80::1]", "[64:ff9b::a9fe:a9fe]", "[2002:a00:1::]", "[::]"})
    void everySpellingOfAnInternalAddressIsRefusedBeforeAnyConnection(String host) {
        String result = codeOf(() -> strict().fetch("http://" + host + ":" + port + "/image.png", Map.of()));
        assertThat(result).startsWith("source_blocked: ").contains("which is refused (");
        assertThat(dialed).isEmpty();
        assertThat(sourceHits).hasValue(0);
    }

    @Test
    void aNameResolvingToAPrivateAddressOrToOnePublicAndOnePrivateIsRefused() {
        name("internal.test", "10.0.0.5");
        name("mixed.test", "93.184.216.34", "192.168.0.10");
        assertThat(codeOf(() -> strict().fetch("http://internal.test/x.png", Map.of()))).startsWith("source_blocked")
                .contains("10.0.0.5, which is refused (private)");
        assertThat(codeOf(() -> strict().fetch("http://mixed.test/x.png", Map.of()))).startsWith("source_blocked")
                .contains("192.168.0.10");
        assertThat(dialed).isEmpty();
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedAtTheHop() {
        name("source.test", "127.0.0.1");
        name("internal.test", "10.1.2.3");
        Fetcher fetcher = fetcher(Set.of("source.test"), List.of(), 1_000_000, Duration.ofSeconds(3));
        for (String target : List.of("http://169.254.169.254/latest/meta-data/", "http://internal.test/x", "http://127.0.0.1:" + port + "/image.png",
                "http://2130706433:" + port + "/image.png")) {
            dialed.clear();
            String url = "http://source.test:" + port + "/redirect?to=" + java.net.URLEncoder.encode(target, StandardCharsets.UTF_8);
            assertThat(codeOf(() -> fetcher.fetch(url, Map.of()))).as(target).startsWith("source_blocked");
            assertThat(dialed).as("only the allowed source was dialled").hasSize(1)
                    .allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).isTrue());
        }
    }

    @Test
    void dnsRebindingCannotReachLoopbackBecauseTheNameIsResolvedOnce() {
        name("rebind.test", "93.184.216.34");
        name("rebind.test", "127.0.0.1");
        String result = codeOf(() -> strict().fetch("http://rebind.test:" + port + "/image.png", Map.of()));
        assertThat(result).startsWith("source_unreachable");
        assertThat(lookups.get("rebind.test")).hasValue(1);
        assertThat(dialed).extracting(a -> a.getAddress().getHostAddress()).containsExactly("93.184.216.34");
        assertThat(sourceHits).hasValue(0);
    }

    @Test
    void anAllowedSourceIsFetchedWithTheUserAgentAndCredentials() throws Exception {
        Fetched fetched = allowingLoopback().fetch("http://user:secret@127.0.0.1:" + port + "/image.png",
                Map.of("X-Extra", "1", "Host", "evil.example"));
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).as("the download's file is unlinked before anyone reads it").isEmpty();
        }
        try (var body = fetched.body()) {
            assertThat(body.readAllBytes()).isEqualTo(IMAGE);
        }
        assertThat(fetched.size()).isEqualTo(IMAGE.length);
        assertThat(fetched.name()).isEqualTo("image.png");
        assertThat(dialed).hasSize(1);
        assertThat(seen.get("user-agent")).isEqualTo(Fetcher.USER_AGENT);
        assertThat(seen.get("authorization")).as("the URL's user:pass as Basic auth")
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(seen.get("x-extra")).isEqualTo("1");
        assertThat(seen.get("host")).as("the client's Host header is not forwarded").isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void capsOnTimeLengthAndRedirectsEndEachDownload() {
        Fetcher fetcher = allowingLoopback();
        String base = "http://127.0.0.1:" + port;
        assertThat(codeOf(() -> fetcher.fetch(base + "/endless", Map.of()))).startsWith("file_too_large");
        assertThat(codeOf(() -> fetcher.fetch(base + "/declared-huge", Map.of()))).startsWith("file_too_large");
        assertThat(codeOf(() -> fetcher.fetch(base + "/loop", Map.of()))).startsWith("source_status")
                .contains("redirected more than 5 times");
        assertThat(codeOf(() -> fetcher.fetch(base + "/missing", Map.of()))).startsWith("source_status").contains("HTTP 404");
        assertThat(codeOf(() -> fetcher.fetch("ftp://127.0.0.1/x", Map.of()))).startsWith("invalid_option");
        assertThat(codeOf(() -> fetcher.fetch("http://999.1.1.1/x", Map.of()))).startsWith("invalid_option");
        assertThat(codeOf(() -> fetcher.fetch(base + "/image.png", Map.of("Bad Header", "x")))).startsWith("invalid_option");
        // last: the JDK test server keeps trickling into the closed connection for a while
        long started = System.nanoTime();
        assertThat(codeOf(() -> fetcher.fetch(base + "/trickle", Map.of()))).startsWith("source_timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aSourceThatSendsLessThanItsContentLengthIsAnError() throws Exception {
        try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread liar = Thread.ofVirtual().start(() -> {
                try (java.net.Socket s = raw.accept()) {
                    HttpGet.line(s.getInputStream());
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test only needs the lie sent
                }
            });
            assertThat(codeOf(() -> allowingLoopback().fetch("http://127.0.0.1:" + raw.getLocalPort() + "/x.png", Map.of())))
                    .startsWith("source_unreachable").contains("broke off");
            liar.join(5000);
        }
    }

    @Test
    void aRedirectFromHttpsDownToHttpIsRefused() {
        assertThatThrownBy(() -> Urls.redirect(URI.create("https://images.example.com/a.jpg"), "http://images.example.com/b.jpg"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("source_blocked"))
                .hasMessageContaining("from https to http");
        assertThat(Urls.redirect(URI.create("http://a.example/x"), "https://b.example/y")).hasToString("https://b.example/y");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
