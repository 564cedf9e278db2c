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

/// The client of `bench/queue.sh`: submits JOBS uploads of IMAGE as queued jobs, spread over the given
/// nodes, then long-polls each to its end; prints `jobs_per_second=… sync_per_second=…` where the
/// second figure is the same jobs sent synchronously to the first node, one client per node.
/// Usage: QueueBench KEY IMAGE JOBS BASE_URL...
public final class QueueBench {
    private QueueBench() {}

    public static void main(String[] args) throws Exception {
        String key = args[0];
        byte[] image = Files.readAllBytes(Path.of(args[1]));
        int jobs = Integer.parseInt(args[2]);
        List<Http> nodes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            nodes.add(new Http(URI.create(args[i])));
        }
        String job = "{\"image\":{\"resize\":{\"width\":320}},\"webhook\":null}";
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            HttpResponse<String> accepted = nodes.get(i % nodes.size()).upload("/1.0/upload", key, "q.jpg", image, job);
            ids.add(Http.json(accepted).get("id").asText());
        }
        for (int i = 0; i < ids.size(); i++) {
            while (!Http.json(nodes.get(i % nodes.size()).get("/1.0/jobs/" + ids.get(i) + "?wait=60", "Authorization",
                    Http.basic(key))).path("status").asText().matches("completed|failed")) {
                Thread.onSpinWait();
            }
        }
        double queued = jobs / ((System.nanoTime() - start) / 1e9);
        long syncStart = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(nodes.size())) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < nodes.size(); c++) {
                Http node = nodes.get(c);
                int share = jobs / nodes.size();
                all.add(clients.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        node.upload("/1.0/upload", key, "s.jpg", image, "{\"image\":{\"resize\":{\"width\":320}}}");
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double sync = (jobs / nodes.size() * nodes.size()) / ((System.nanoTime() - syncStart) / 1e9);
        System.out.printf(Locale.ROOT, "jobs_per_second=%.2f sync_per_second=%.2f%n", queued, sync);
    }
}
