package io.compressor.bench;

import io.compressor.pipeline.Color;
import io.compressor.pipeline.Compression;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Gravity;
import io.compressor.pipeline.Limits;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Resize;
import io.compressor.pipeline.ResizeMode;
import io.compressor.vips.HeldBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/// Our side of `bench/run.sh`: the real pipeline on one image, `concurrency` at a time, several timed
/// rounds after a warm-up. Prints `images_per_second=<median> peak_rss_mb=<VmHWM> bytes=<output size>
/// cpu_ms_per_image=<this process's CPU time over the timed rounds, all threads, per image>`.
/// Usage: PipelineBench IMAGE WIDTH HEIGHT QUALITY CONCURRENCY IMAGES_PER_ROUND ROUNDS
/// ROUNDS 0 runs rounds on demand, for a bench that takes turns with its peer (`bench/turns.sh`): after the warm-up it
/// prints `ready`, then runs one round per line it reads and prints `images_per_second=<that round's>
/// cpu_ms_per_image=<that round's>`, and at the end of its input prints the line above with the median rate.
/// (`-Dvips.library=PATH[:PATH...]` names the libvips builds, as `COMPRESSOR_VIPS_LIBRARY` does for the service, and
/// `-Dvips.threads=N` sets its worker threads per image, as `COMPRESSOR_VIPS_THREADS` does)
public final class PipelineBench {
    private PipelineBench() {}

    public static void main(String[] args) throws Exception {
        // read once into native memory and reused, as sharp-bench.js reads the file once into a Buffer that libvips reads
        HeldBytes input = HeldBytes.read(Path.of(args[0]));
        ProcessOptions options = new ProcessOptions(Compression.HIGH, OptionalInt.of(Integer.parseInt(args[3])),
                OutputFormat.JPEG, Optional.of(new Resize(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                        ResizeMode.FIT, Gravity.CENTER, true, Color.WHITE)), Set.of());
        int concurrency = Integer.parseInt(args[4]);
        int perRound = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        Pipeline pipeline = Pipeline.start(new EngineConfig(EngineConfig.libraries(System.getProperty("vips.library", "libvips.so.42")), Integer.getInteger("vips.threads", 0),
                new Limits(1L << 30, 1_000_000_000L)));
        int bytes = pipeline.process(input, options).bytes().length;
        // the JIT compiles the per-image code (called a few times per image) over the first minute or so: warm up on at
        // least half a round and for at least WARMUP seconds (-Dwarmup.seconds, 20), as a long-running server is warm
        long warmUntil = System.nanoTime() + Long.getLong("warmup.seconds", 20) * 1_000_000_000L;
        do {
            run(pipeline, input, options, concurrency, Math.max(4, perRound / 2));
        } while (System.nanoTime() - warmUntil < 0);
        var turns = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        if (rounds == 0) {
            System.out.println("ready");
            System.out.flush();
        }
        List<Double> rates = new ArrayList<>();
        long cpuStart = processCpuNanos();
        while (rounds == 0 ? turns.readLine() != null : rates.size() < rounds) {
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            run(pipeline, input, options, concurrency, perRound);
            rates.add(perRound / ((System.nanoTime() - start) / 1e9));
            if (rounds == 0) {
                System.out.printf(Locale.ROOT, "images_per_second=%.2f cpu_ms_per_image=%.1f%n", rates.getLast(),
                        (processCpuNanos() - cpu) / 1e6 / perRound);
                System.out.flush();
            }
        }
        double cpuMsPerImage = (processCpuNanos() - cpuStart) / 1e6 / ((double) perRound * Math.max(1, rates.size()));
        System.out.printf(Locale.ROOT, "images_per_second=%.2f peak_rss_mb=%d bytes=%d cpu_ms_per_image=%.1f%n",
                median(rates), peakRssMb(), bytes, cpuMsPerImage);
    }

    private static double median(List<Double> values) {
        return values.isEmpty() ? 0 : values.stream().sorted().toList().get(values.size() / 2);
    }

    private static void run(Pipeline pipeline, HeldBytes input, ProcessOptions options, int concurrency, int images)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < images; i++) {
                all.add(pool.submit(() -> pipeline.process(input, options)));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
