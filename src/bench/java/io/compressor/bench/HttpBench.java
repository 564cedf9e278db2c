package io.compressor.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/// The client side of `bench/http.sh`: CLIENTS concurrent clients upload IMAGE to a running server,
/// REQUESTS in all after a warm-up, and it prints `requests_per_second=… p50_ms=… p99_ms=… errors=…`.
/// The client shares the server's cores, so it is as lean as HTTP/1.1 allows: the whole request (headers and
/// multipart body) is built once, and each client writes it on its own keep-alive connection and reads the
/// answer. Whatever the client spends is taken from the server.
/// Usage: HttpBench BASE_URL KEY IMAGE CLIENTS REQUESTS [DATA_JSON]
public final class HttpBench {
    private static final String JOB = "{\"image\":{\"quality\":80,\"resize\":{\"width\":640,\"height\":480,\"mode\":\"fit\"}}}";

    private HttpBench() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        byte[] image = Files.readAllBytes(Path.of(args[2]));
        int clients = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        byte[] request = request(base, args[1], image, args.length > 5 ? args[5] : JOB);
        run(base, request, clients, Math.max(clients * 2, 4), new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        int errors = run(base, request, clients, requests, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "requests_per_second=%.2f p50_ms=%d p99_ms=%d errors=%d%n", requests / seconds,
                sorted.get(sorted.size() / 2) / 1_000_000, sorted.get(Math.min(sorted.size() - 1,
                        (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1_000_000, errors);
    }

    /// `POST /1.0/upload` with the image as `file` and the job as `data`, as bytes on the wire.
    private static byte[] request(URI base, String key, byte[] image, String job) {
        String boundary = "----compressor-bench";
        ByteArrayOutputStream body = new ByteArrayOutputStream(image.length + 1024);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n" + job + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String head = "POST /1.0/upload HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.size()
                + "\r\n\r\n";
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + head.length());
        all.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    private static int run(URI base, byte[] request, int clients, int requests, List<Long> latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream());
                        while (next.getAndIncrement() < requests) {
                            long t0 = System.nanoTime();
                            out.write(request);
                            out.flush();
                            int status = readResponse(in);
                            latencies.add(System.nanoTime() - t0);
                            if (status != 200) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return errors.get();
    }

    /// Reads one HTTP/1.1 response (a Content-Length or a chunked body) and returns its status.
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                in.skipNBytes(size);
                line(in);
            }
            line(in);
        } else {
            in.skipNBytes(length);
        }
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
