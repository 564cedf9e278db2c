package io.compressor.bench;

import io.compressor.pipeline.Compression;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Limits;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Result;
import io.compressor.testing.Chord;
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
import java.util.stream.Stream;

/// Our side of `bench/quality.sh`: each compression level of our engine against fixed-setting peers (cjpeg,
/// cwebp, avifenc, pngquant) on the same corpus, every output scored with the engine's own SSIM against the
/// corpus image. Prints, per format: the peers' bytes and scores at each setting, then for each level our
/// bytes and scores, the peers' bytes and worst score at our mean score (read off their curve), the bytes
/// saved, and the median time per image next to a single fixed-quality encode.
/// Usage: QualityBench CORPUS_DIR WORK_DIR [FORMAT...]   (CORPUS_DIR holds PNG references, made by `prepare`)
///        QualityBench prepare OUT_DIR MAX_SIDE SOURCE...  (photos and graphics to flattened PNG + PPM references)
public final class QualityBench {
    private static final List<Compression> LEVELS = List.of(Compression.MEDIUM, Compression.HIGH, Compression.ULTRA);

    private QualityBench() {}

    /// One setting's outputs over the corpus: total bytes, mean and worst score.
    record Run(String label, long bytes, double mean, double worst) {
        static Run of(String label, long[] bytes, double[] scores) {
            return new Run(label, Arrays.stream(bytes).sum(), Arrays.stream(scores).average().orElse(0),
                    Arrays.stream(scores).min().orElse(0));
        }
    }

    /// A peer encoder at one setting: the command line, given the input (PNG or PPM) and the output path. Every setting
    /// is a point of the peer's curve; only the `listed` ones are printed.
    record Peer(String label, boolean listed, boolean ppmInput, String extension,
            java.util.function.BiFunction<Path, Path, List<String>> command) {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("prepare")) {
            Corpus.prepare(Path.of(args[1]), Integer.parseInt(args[2]), Arrays.stream(args).skip(3).map(Path::of).toList());
            return;
        }
        Path corpus = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        List<String> formats = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("jpeg", "webp", "avif", "png");
        List<Path> images;
        try (Stream<Path> files = Files.list(corpus)) {
            images = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Pipeline pipeline = Pipeline.start(new EngineConfig(EngineConfig.libraries(System.getProperty("vips.library", "libvips.so.42")), 0,
                new Limits(256L << 20, 100_000_000)));
        System.out.printf(Locale.ROOT, "corpus: %d images (%s), scores: SSIM on luma at <= 1 MP (pipeline/Ssim.java)%n",
                images.size(), corpus);
        for (String format : formats) {
            bench(pipeline, images, work, format);
        }
    }

    private static void bench(Pipeline pipeline, List<Path> corpus, Path work, String format) throws Exception {
        // PNG is for graphics: a photo as a palette PNG is nobody's choice, and pngquant cannot reach our scores on one
        List<Path> images = format.equals("png")
                ? corpus.stream().filter(p -> p.getFileName().toString().startsWith("graphic-")).toList() : corpus;
        System.out.printf(Locale.ROOT, "%n== %s (%d images) ==%n", format.toUpperCase(Locale.ROOT), images.size());
        List<Run> peers = new ArrayList<>();
        for (Peer peer : peers(format)) {
            long[] bytes = new long[images.size()];
            double[] scores = new double[images.size()];
            for (int i = 0; i < images.size(); i++) {
                Path png = images.get(i);
                Path in = peer.ppmInput() ? Path.of(png.toString().replaceAll("\\.png$", ".ppm")) : png;
                Path out = work.resolve(png.getFileName() + "." + peer.label().replaceAll("\\W+", "_") + "." + peer.extension());
                Files.deleteIfExists(out);
                run(peer.command().apply(in, out));
                byte[] encoded = Files.readAllBytes(out);
                bytes[i] = encoded.length;
                scores[i] = pipeline.similarity(Files.readAllBytes(png), encoded);
            }
            Run run = Run.of(peer.label(), bytes, scores);
            peers.add(run);
            if (peer.listed()) {
                print("peer " + run.label(), run);
            }
        }
        peers.sort((a, b) -> Double.compare(a.mean(), b.mean()));
        OutputFormat target = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        for (Compression level : LEVELS) {
            long[] bytes = new long[images.size()];
            double[] scores = new double[images.size()];
            long[] searchNanos = new long[images.size()];
            long[] fixedNanos = new long[images.size()];
            int fixedQuality = fixedQuality(format, level);
            for (int i = 0; i < images.size(); i++) {
                byte[] input = Files.readAllBytes(images.get(i));
                ProcessOptions searched = new ProcessOptions(level, OptionalInt.empty(), target, Optional.empty(), Set.of());
                ProcessOptions fixed = new ProcessOptions(level, OptionalInt.of(fixedQuality), target, Optional.empty(), Set.of());
                pipeline.process(input, fixed); // warm
                long t0 = System.nanoTime();
                pipeline.process(input, fixed);
                long t1 = System.nanoTime();
                Result result = pipeline.process(input, searched);
                long t2 = System.nanoTime();
                fixedNanos[i] = t1 - t0;
                searchNanos[i] = t2 - t1;
                bytes[i] = result.bytes().length;
                scores[i] = pipeline.similarity(input, result.bytes());
            }
            Run ours = Run.of(level.name().toLowerCase(Locale.ROOT), bytes, scores);
            print("ours " + ours.label(), ours);
            compare(ours, peers);
            double search = median(searchNanos) / 1e6;
            double single = median(fixedNanos) / 1e6;
            System.out.printf(Locale.ROOT, "    time per image (median): search %.0f ms, one fixed-quality encode (q=%d) %.0f ms:"
                    + " search_cost=%.2fx%n", search, fixedQuality, single, search / single);
        }
    }

    /// The peers' bytes and worst score at our mean score, on the chord between their two settings around it.
    private static void compare(Run ours, List<Run> peers) {
        List<double[]> curve = peers.stream().map(p -> new double[] {p.mean(), p.bytes(), p.worst()}).toList();
        Chord.at(curve, ours.mean()).ifPresentOrElse(at -> System.out.printf(Locale.ROOT, "    peer at equal mean score"
                + " (between %s and %s): bytes=%.0f worst=%.4f -> bytes_saved=%.1f%% worst_better=%s%n",
                peers.get(at.below()).label(), peers.get(at.below() + 1).label(), at.bytes(), at.worst(),
                100 * (1 - ours.bytes() / at.bytes()), ours.worst() > at.worst() ? "yes" : "no"),
                () -> System.out.printf(Locale.ROOT, "    our mean score %.4f is outside the peers' range %.4f..%.4f%n",
                        ours.mean(), peers.getFirst().mean(), peers.getLast().mean()));
    }

    private static void print(String label, Run run) {
        System.out.printf(Locale.ROOT, "  %-34s bytes=%10d mean=%.4f worst=%.4f%n", label, run.bytes(), run.mean(), run.worst());
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

    /// Each peer's settings: every quality step (every second quantizer for avifenc), so that a score between two settings
    /// is read off a short chord. Bytes grow about exponentially with the quality, so a long chord lies well above the
    /// curve: read between settings 5 apart (as before 2026-11-30), cwebp's bytes at our medium's mean score came out
    /// 4.6% too high, and our savings against it 3.9 points (docs/performance.md).
    private static List<Peer> peers(String format) {
        List<Peer> peers = new ArrayList<>();
        switch (format) {
            case "jpeg" -> {
                for (int q = 50; q <= 95; q++) {
                    String qs = Integer.toString(q);
                    peers.add(new Peer("cjpeg -quality " + q, q % 5 == 0, true, "jpg", (in, out) -> List.of("cjpeg",
                            "-quality", qs, "-optimize", "-progressive", "-outfile", out.toString(), in.toString())));
                }
            }
            case "webp" -> {
                for (int q = 50; q <= 95; q++) {
                    String qs = Integer.toString(q);
                    peers.add(new Peer("cwebp -q " + q, q % 5 == 0, false, "webp", (in, out) -> List.of("cwebp", "-quiet",
                            "-q", qs, in.toString(), "-o", out.toString())));
                }
            }
            case "avif" -> {
                for (int q = 2; q <= 42; q += 2) {
                    String qs = Integer.toString(q);
                    peers.add(new Peer("avifenc --min/--max " + q, q % 4 == 2, false, "avif", (in, out) -> List.of("avifenc",
                            "-s", "6", "-j", "1", "--min", qs, "--max", qs, in.toString(), out.toString())));
                }
            }
            default -> {
                peers.add(new Peer("pngquant (default)", true, false, "png", (in, out) -> List.of("pngquant", "--force",
                        "--output", out.toString(), in.toString())));
                peers.add(new Peer("pngquant --nofs", true, false, "png", (in, out) -> List.of("pngquant", "--force", "--nofs",
                        "--output", out.toString(), in.toString())));
                for (int q : new int[] {40, 60, 80}) {
                    String qs = "0-" + q;
                    peers.add(new Peer("pngquant --quality " + qs, true, false, "png", (in, out) -> List.of("pngquant",
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

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    /// The corpus: each source scaled to fit MAX_SIDE, saved as PNG and PPM (cjpeg's input), named `photo-*` (the JPEG
    /// sources) or `graphic-*` (PNG and SVG sources). A source with transparency is flattened onto a dark grey: MATE's
    /// translucent wallpapers (Silk, Waves, Flow…) are drawn over the desktop's colour, and on white they vanish.
    static final class Corpus {
        private Corpus() {}

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
