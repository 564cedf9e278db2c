package io.compressor.bench;

import io.compressor.testing.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/// The client of `bench/queue.sh`: sends JOBS uploads of IMAGE (resized to 320 wide), spread over the given nodes,
/// and prints `jobs_per_second=…`. In mode `queued` the nodes queue every upload: all are submitted (each answer
/// must be 202), then each is long-polled to its end (each must complete). In mode `sync` the nodes answer
/// uploads at once: CLIENTS clients per node send them (each answer must be 200 with an output). Any other
/// answer stops the run with an error, so a figure is only printed for work that was really done that way.
/// Usage: QueueBench queued|sync KEY IMAGE JOBS CLIENTS BASE_URL...
public final class QueueBench {
    private static final String JOB = "{\"image\":{\"resize\":{\"width\":320}}}";

    private QueueBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String key = args[1];
        byte[] image = Files.readAllBytes(Path.of(args[2]));
        int jobs = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        List<Http> nodes = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            nodes.add(new Http(URI.create(args[i])));
        }
        long start = System.nanoTime();
        switch (mode) {
            case "queued" -> queued(nodes, key, image, jobs);
            case "sync" -> sync(nodes, key, image, jobs, clients);
            default -> throw new IllegalArgumentException("mode is queued or sync, not " + mode);
        }
        double perSecond = jobs / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "mode=%s jobs=%d jobs_per_second=%.2f%n", mode, jobs, perSecond);
    }

    private static void queued(List<Http> nodes, String key, byte[] image, int jobs) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            HttpResponse<String> accepted = nodes.get(i % nodes.size()).upload("/1.0/upload", key, "q.jpg", image, JOB);
            expect(accepted, 202);
            ids.add(Http.json(accepted).get("id").asText());
        }
        for (int i = 0; i < ids.size(); i++) {
            String status;
            do {
                status = Http.json(nodes.get(i % nodes.size()).get("/1.0/jobs/" + ids.get(i) + "?wait=60",
                        "Authorization", Http.basic(key))).path("status").asText();
            } while (!status.matches("completed|failed"));
            if (!status.equals("completed")) {
                throw new IllegalStateException("job " + ids.get(i) + " ended " + status);
            }
        }
    }

    private static void sync(List<Http> nodes, String key, byte[] image, int jobs, int clients) throws Exception {
        int senders = nodes.size() * clients;
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < senders; c++) {
                Http node = nodes.get(c % nodes.size());
                int share = jobs / senders + (c < jobs % senders ? 1 : 0);
                all.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        HttpResponse<String> answer = node.upload("/1.0/upload", key, "s.jpg", image, JOB);
                        expect(answer, 200);
                        if (Http.json(answer).path("output").path("size").asLong() <= 0) {
                            throw new IllegalStateException("no output: " + answer.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }

    private static void expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.statusCode() + ": " + answer.body());
        }
    }
}
