package io.compressor.bench;

import io.compressor.pipeline.Compression;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Limits;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Result;
import io.compressor.testing.Chord;
import io.compressor.testing.Pixels;
import io.compressor.testing.Ssimulacra2;
import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/// Our side of `bench/quality.sh`: each compression level of our engine against fixed-setting peers (cjpeg, sharp's
/// mozjpeg preset when `SHARP_ENCODE` names `bench/sharp-encode.js`, cwebp, avifenc, pngquant) on the same corpus. Every output is scored twice against the corpus image: with the
/// engine's own SSIM (what the search aims at) and with SSIMULACRA 2 (`testing/Ssimulacra2`, which the engine never
/// sees). Prints, per format: the peers' bytes and scores at each setting, then for each level our bytes and scores,
/// and per metric the peers' bytes and worst score at our mean score (read off their curve) and the bytes saved.
/// For JPEG the engine's own encoder at fixed qualities is a second curve: the saving against it is the search's
/// share, the rest of the saving against cjpeg is the encoder's (mozjpeg on sharp's build). Last, the median time per
/// image next to a single fixed-quality encode.
/// The corpus is split in two halves by name (`Corpus.part`): the levels' goals are tuned on `tune` (`bench/quality.sh
/// sweep`), and the savings are reported on `report`.
/// Usage: QualityBench CORPUS_DIR WORK_DIR tune|report|all [FORMAT...]   (CORPUS_DIR holds PNG references)
///        QualityBench prepare OUT_DIR MAX_SIDE SOURCE...  (photos and graphics to flattened PNG + PPM references)
public final class QualityBench {
    private static final List<Compression> LEVELS = List.of(Compression.MEDIUM, Compression.HIGH, Compression.ULTRA);
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private QualityBench() {}

    /// A metric's mean and worst over the corpus.
    record Score(double mean, double worst) {
        static Score of(double[] scores) {
            return new Score(Arrays.stream(scores).average().orElse(0), Arrays.stream(scores).min().orElse(0));
        }
    }

    /// One setting's outputs over the corpus: total bytes, and the score by each metric.
    record Run(String label, long bytes, Score ssim, Score ssimulacra2) {
        static Run of(String label, Output[] outputs) {
            return new Run(label, Arrays.stream(outputs).mapToLong(Output::bytes).sum(),
                    Score.of(Arrays.stream(outputs).mapToDouble(Output::ssim).toArray()),
                    Score.of(Arrays.stream(outputs).mapToDouble(Output::ssimulacra2).toArray()));
        }
    }

    /// One output: its size and its two scores.
    record Output(long bytes, double ssim, double ssimulacra2) {}

    /// The metrics a comparison is made in.
    enum Metric {
        SSIM(Run::ssim), SSIMULACRA2(Run::ssimulacra2);

        private final java.util.function.Function<Run, Score> score;

        Metric(java.util.function.Function<Run, Score> score) {
            this.score = score;
        }

        Score of(Run run) {
            return score.apply(run);
        }
    }

    /// A peer encoder at one setting: the command line, given the input (PNG or PPM) and the output path. Every setting
    /// is a point of the peer's curve; only the `listed` ones are printed.
    record Peer(String encoder, String label, boolean listed, boolean ppmInput, String extension,
            java.util.function.BiFunction<Path, Path, List<String>> command) {}

    /// One point of a curve: how it encodes a corpus image, in a format named by its file extension.
    record Setting(String label, boolean listed, String extension, Encoder encoder) {}

    /// What a setting does to one corpus image.
    interface Encoder {
        byte[] encode(Reference image) throws Exception;
    }

    /// A corpus image: its path, its bytes and its pixels.
    record Reference(Path png, byte[] bytes, Ssimulacra2.Rgb rgb) {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("prepare")) {
            Corpus.prepare(Path.of(args[1]), Integer.parseInt(args[2]), Arrays.stream(args).skip(3).map(Path::of).toList());
            return;
        }
        Path work = Files.createDirectories(Path.of(args[1]));
        List<Path> images = Corpus.part(Path.of(args[0]), args[2]);
        List<String> formats = args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of("jpeg", "webp", "avif", "png");
        Pipeline pipeline = Pipeline.start(new EngineConfig(EngineConfig.libraries(System.getProperty("vips.library", "libvips.so.42")), 0,
                new Limits(256L << 20, 100_000_000)));
        System.out.printf(Locale.ROOT, "corpus: %d images, %s; scores: SSIM on luma at <= 1 MP"
                + " (pipeline/Ssim.java, what the search aims at) and SSIMULACRA 2 (testing/Ssimulacra2.java)%n",
                images.size(), args[2].equals("all") ? "all of it" : "the " + args[2] + " half");
        for (String format : formats) {
            bench(pipeline, images, work, format);
        }
    }

    private static void bench(Pipeline pipeline, List<Path> corpus, Path work, String format) throws Exception {
        // PNG is for graphics: a photo as a palette PNG is nobody's choice, and pngquant cannot reach our scores on one
        List<Path> paths = format.equals("png")
                ? corpus.stream().filter(p -> p.getFileName().toString().startsWith("graphic-")).toList() : corpus;
        List<Reference> images = new ArrayList<>();
        for (Path png : paths) {
            byte[] bytes = Files.readAllBytes(png);
            images.add(new Reference(png, bytes, Pixels.rgb(bytes, "png")));
        }
        System.out.printf(Locale.ROOT, "%n== %s (%d images) ==%n", format.toUpperCase(Locale.ROOT), images.size());
        java.util.Map<String, List<Run>> peers = new java.util.LinkedHashMap<>();
        for (var encoder : peers(format).stream().collect(java.util.stream.Collectors.groupingBy(Peer::encoder,
                java.util.LinkedHashMap::new, java.util.stream.Collectors.toList())).entrySet()) {
            List<Setting> settings = encoder.getValue().stream().map(peer -> new Setting("peer " + peer.label(), peer.listed(),
                    peer.extension(), image -> {
                        Path in = peer.ppmInput() ? Path.of(image.png().toString().replaceAll("\\.png$", ".ppm")) : image.png();
                        Path out = work.resolve(image.png().getFileName() + "." + peer.label().replaceAll("\\W+", "_") + "."
                                + peer.extension());
                        Files.deleteIfExists(out);
                        run(peer.command().apply(in, out));
                        return Files.readAllBytes(out);
                    })).toList();
            peers.put(encoder.getKey(), curve(pipeline, images, settings));
        }
        OutputFormat target = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        List<Setting> engineSettings = new ArrayList<>();
        if (target == OutputFormat.JPEG) {
            for (int q = 50; q <= 95; q += 2) {
                ProcessOptions fixed = new ProcessOptions(Compression.HIGH, OptionalInt.of(q), target, Optional.empty(), Set.of());
                engineSettings.add(new Setting("engine at fixed quality " + q, q % 10 == 0, "jpg",
                        image -> pipeline.process(image.bytes(), fixed).bytes()));
            }
        }
        List<Run> engine = curve(pipeline, images, engineSettings);
        for (Compression level : LEVELS) {
            ProcessOptions searched = new ProcessOptions(level, OptionalInt.empty(), target, Optional.empty(), Set.of());
            ProcessOptions fixed = new ProcessOptions(level, OptionalInt.of(fixedQuality(format, level)), target,
                    Optional.empty(), Set.of());
            long[] searchNanos = new long[images.size()];
            long[] fixedNanos = new long[images.size()];
            Output[] outputs = new Output[images.size()];
            for (int i = 0; i < images.size(); i++) {
                byte[] input = images.get(i).bytes();
                pipeline.process(input, fixed); // warm
                long t0 = System.nanoTime();
                pipeline.process(input, fixed);
                long t1 = System.nanoTime();
                Result result = pipeline.process(input, searched);
                long t2 = System.nanoTime();
                fixedNanos[i] = t1 - t0;
                searchNanos[i] = t2 - t1;
                outputs[i] = score(pipeline, images.get(i), Ssimulacra2.reference(images.get(i).rgb()), result.bytes(),
                        target.name().toLowerCase(Locale.ROOT));
            }
            Run ours = Run.of(level.name().toLowerCase(Locale.ROOT), outputs);
            print("ours " + ours.label(), ours);
            for (Metric metric : Metric.values()) {
                for (var peer : peers.entrySet()) {
                    compare(peer.getKey(), ours, peer.getValue(), metric);
                }
                if (!engine.isEmpty()) {
                    compare("engine at fixed quality", ours, engine, metric);
                }
            }
            double search = median(searchNanos) / 1e6;
            double single = median(fixedNanos) / 1e6;
            System.out.printf(Locale.ROOT, "    time per image (median): search %.0f ms, one fixed-quality encode (q=%d) %.0f ms:"
                    + " search_cost=%.2fx%n", search, fixedQuality(format, level), single, search / single);
        }
    }

    /// Every setting's run over the corpus, the listed ones printed: the images spread over all cores, each image's
    /// pixels prepared for SSIMULACRA 2 once for all its settings.
    private static List<Run> curve(Pipeline pipeline, List<Reference> images, List<Setting> settings) throws Exception {
        Output[][] outputs = new Output[settings.size()][images.size()];
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Reference image = images.get(index);
                    Ssimulacra2.Reference prepared = Ssimulacra2.reference(image.rgb());
                    for (int s = 0; s < settings.size(); s++) {
                        Setting setting = settings.get(s);
                        outputs[s][index] = score(pipeline, image, prepared, setting.encoder().encode(image), setting.extension());
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            Run run = Run.of(settings.get(s).label(), outputs[s]);
            runs.add(run);
            if (settings.get(s).listed()) {
                print(run.label(), run);
            }
        }
        return runs;
    }

    private static Output score(Pipeline pipeline, Reference image, Ssimulacra2.Reference prepared, byte[] encoded,
            String extension) {
        return new Output(encoded.length, pipeline.similarity(image.bytes(), encoded), prepared.score(Pixels.rgb(encoded, extension)));
    }

    /// The curve's bytes and worst score at our mean score in `metric`, on the chord between the two settings around it.
    private static void compare(String name, Run ours, List<Run> curve, Metric metric) {
        List<Run> sorted = curve.stream().sorted(java.util.Comparator.comparingDouble(r -> metric.of(r).mean())).toList();
        List<double[]> points = sorted.stream().map(r -> new double[] {metric.of(r).mean(), r.bytes(), metric.of(r).worst()})
                .toList();
        double mean = metric.of(ours).mean();
        Chord.at(points, mean).ifPresentOrElse(at -> System.out.printf(Locale.ROOT, "    %-11s %s at equal mean score"
                + " (between %s and %s): bytes=%.0f worst=%.4f -> bytes_saved=%.1f%% worst_better=%s%n", metric, name,
                sorted.get(at.below()).label(), sorted.get(at.below() + 1).label(), at.bytes(), at.worst(),
                100 * (1 - ours.bytes() / at.bytes()), metric.of(ours).worst() > at.worst() ? "yes" : "no"),
                () -> System.out.printf(Locale.ROOT, "    %-11s our mean score %.4f is outside the %s range %.4f..%.4f%n",
                        metric, mean, name, metric.of(sorted.getFirst()).mean(), metric.of(sorted.getLast()).mean()));
    }

    private static void print(String label, Run run) {
        System.out.printf(Locale.ROOT, "  %-34s bytes=%10d SSIM mean=%.4f worst=%.4f  SSIMULACRA2 mean=%.2f worst=%.2f%n",
                label, run.bytes(), run.ssim().mean(), run.ssim().worst(), run.ssimulacra2().mean(), run.ssimulacra2().worst());
    }

    private static int fixedQuality(String format, Compression level) {
        int[] q = switch (format) {
            case "jpeg" -> new int[] {85, 78, 65};
            case "webp" -> new int[] {82, 75, 60};
            case "avif" -> new int[] {60, 50, 40};
            default -> new int[] {90, 80, 60};
        };
        return q[LEVELS.indexOf(level)];
    }

    /// Each peer's settings: every second quality (quantizer for avifenc), so that a score between two settings is read
    /// off a short chord. Bytes grow about exponentially with the quality, so a long chord lies well above the
    /// curve: read between settings 5 apart (as before 2026-11-30), cwebp's bytes at our medium's mean score came out
    /// 4.6% too high, and our savings against it 3.9 points (docs/performance.md).
    private static List<Peer> peers(String format) {
        List<Peer> peers = new ArrayList<>();
        switch (format) {
            case "jpeg" -> {
                for (int q = 50; q <= 95; q += 2) {
                    String qs = Integer.toString(q);
                    peers.add(new Peer("cjpeg", "cjpeg -quality " + q, q % 10 == 0, true, "jpg", (in, out) -> List.of("cjpeg",
                            "-quality", qs, "-optimize", "-progressive", "-outfile", out.toString(), in.toString())));
                }
                String sharp = System.getenv("SHARP_ENCODE");
                for (int q = 50; sharp != null && q <= 95; q += 2) {
                    String qs = Integer.toString(q);
                    peers.add(new Peer("sharp mozjpeg", "sharp mozjpeg -quality " + q, q % 10 == 0, false, "jpg",
                            (in, out) -> List.of("node", sharp, in.toString(), out.toString(), qs)));
                }
            }
            case "webp" -> {
                for (int q = 50; q <= 95; q += 2) {
                    String qs = Integer.toString(q);
                    peers.add(new Peer("cwebp", "cwebp -q " + q, q % 10 == 0, false, "webp", (in, out) -> List.of("cwebp", "-quiet",
                            "-q", qs, in.toString(), "-o", out.toString())));
                }
            }
            case "avif" -> {
                for (int q = 2; q <= 42; q += 2) {
                    String qs = Integer.toString(q);
                    peers.add(new Peer("avifenc", "avifenc --min/--max " + q, q % 4 == 2, false, "avif", (in, out) -> List.of("avifenc",
                            "-s", "6", "-j", "1", "--min", qs, "--max", qs, in.toString(), out.toString())));
                }
            }
            default -> {
                peers.add(new Peer("pngquant", "pngquant (default)", true, false, "png", (in, out) -> List.of("pngquant", "--force",
                        "--output", out.toString(), in.toString())));
                peers.add(new Peer("pngquant", "pngquant --nofs", true, false, "png", (in, out) -> List.of("pngquant", "--force", "--nofs",
                        "--output", out.toString(), in.toString())));
                for (int q : new int[] {40, 60, 80}) {
                    String qs = "0-" + q;
                    peers.add(new Peer("pngquant", "pngquant --quality " + qs, true, false, "png", (in, out) -> List.of("pngquant",
                            "--force", "--quality", qs, "--output", out.toString(), in.toString())));
                }
            }
        }
        return peers;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    /// The median, as a double of the values' unit.
    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    /// The corpus: each source scaled to fit MAX_SIDE, saved as PNG and PPM (cjpeg's input), named `photo-*` (the JPEG
    /// sources) or `graphic-*` (PNG and SVG sources). A source with transparency is flattened onto a dark grey: MATE's
    /// translucent wallpapers (Silk, Waves, Flow…) are drawn over the desktop's colour, and on white they vanish.
    static final class Corpus {
        private Corpus() {}

        /// The corpus images (PNG) of one half, sorted: `tune` or `report`, split by a hash of the name so that an image
        /// added later joins one half without moving the others; `all` for both.
        static List<Path> part(Path corpus, String part) throws IOException {
            if (!part.matches("tune|report|all")) {
                throw new IllegalArgumentException("the corpus part is tune, report or all, not " + part);
            }
            try (Stream<Path> files = Files.list(corpus)) {
                return files.filter(p -> p.toString().endsWith(".png"))
                        .filter(p -> part.equals("all") || part.equals(half(p.getFileName().toString())))
                        .sorted().toList();
            }
        }

        private static String half(String name) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return crc.getValue() % 2 == 0 ? "tune" : "report";
        }

        static void prepare(Path out, int maxSide, List<Path> sources) throws IOException {
            Files.createDirectories(out);
            Vips vips = Vips.start(new VipsConfig(VipsConfig.DEFAULT_LIBRARY, 0));
            for (Path source : sources) {
                String kind = source.toString().endsWith(".jpg") ? "photo-" : "graphic-";
                String name = kind + source.getFileName().toString().replaceAll("\\.[a-z]+$", "").replaceAll("\\W+", "_");
                try (Scope scope = vips.scope()) {
                    VImage image = scope.image(source.toString().endsWith(".svg") ? "svgload_buffer" : loader(source),
                            Map.of("buffer", scope.blob(Files.readAllBytes(source))));
                    double scale = Math.min(1.0, (double) maxSide / Math.max(image.width(), image.height()));
                    if (scale < 1.0) {
                        image = image.apply("resize", Map.of("scale", scale));
                    }
                    if (image.bands() == 4 || image.bands() == 2) {
                        image = image.apply("flatten", Map.of("background", new double[] {48, 48, 48}));
                    }
                    image = image.apply("colourspace", Map.of("space", "srgb")).apply("cast", Map.of("format", "uchar"));
                    Files.write(out.resolve(name + ".png"), image.save("pngsave_buffer", Map.of("compression", 1)));
                    scope.call("ppmsave", Map.of("in", image, "filename", out.resolve(name + ".ppm").toString()));
                }
            }
        }

        private static String loader(Path source) {
            return source.toString().endsWith(".png") ? "pngload_buffer" : "jpegload_buffer";
        }
    }
}
