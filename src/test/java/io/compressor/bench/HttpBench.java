package io.compressor.bench;

import io.compressor.testing.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/// The client side of `bench/http.sh`: CLIENTS concurrent clients upload IMAGE to a running server,
/// REQUESTS in all after a warm-up, and it prints `requests_per_second=… p50_ms=… p99_ms=… errors=…`.
/// Usage: HttpBench BASE_URL KEY IMAGE CLIENTS REQUESTS [DATA_JSON]
public final class HttpBench {
    private static final String JOB = "{\"image\":{\"quality\":80,\"resize\":{\"width\":640,\"height\":480,\"mode\":\"fit\"}}}";

    private HttpBench() {}

    public static void main(String[] args) throws Exception {
        Http http = new Http(URI.create(args[0]), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        String key = args[1];
        byte[] image = Files.readAllBytes(Path.of(args[2]));
        int clients = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        String job = args.length > 5 ? args[5] : JOB;
        run(http, key, image, job, clients, Math.max(clients * 2, 4), new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        int errors = run(http, key, image, job, clients, requests, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "requests_per_second=%.2f p50_ms=%d p99_ms=%d errors=%d%n", requests / seconds,
                sorted.get(sorted.size() / 2) / 1_000_000, sorted.get(Math.min(sorted.size() - 1,
                        (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1_000_000, errors);
    }

    private static int run(Http http, String key, byte[] image, String job, int clients, int requests, List<Long> latencies)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (next.getAndIncrement() < requests) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = http.upload("/1.0/upload", key, "photo.jpg", image, job);
                        latencies.add(System.nanoTime() - t0);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return errors.get();
    }
}
