package io.compressor.bench;

import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Limits;
import io.compressor.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/// `bench/quality.sh knobs`: what each libwebp setting is worth, through `cwebp` on the quality corpus. For each set of
/// flags, every image at `-q` 50..95 (step 5), scored with the engine's SSIM; prints the bytes at equal mean score
/// against plain `cwebp -q` (the curves interpolated in log bytes), at a few mean scores. Negative is smaller.
/// Usage: WebpKnobs CORPUS "FLAGS"...
public final class WebpKnobs {
    private static final double[] AT = {0.975, 0.980, 0.985};

    record Point(double bytes, double mean) {}

    private WebpKnobs() {}

    public static void main(String[] args) throws Exception {
        List<Path> images;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            images = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Pipeline pipeline = Pipeline.start(new EngineConfig("libvips.so.42", 1, new Limits(256L << 20, 100_000_000)));
        Path work = Files.createTempDirectory("webp-knobs");
        List<String> variants = new ArrayList<>(List.of(""));
        variants.addAll(Arrays.asList(args).subList(1, args.length));
        System.out.printf(Locale.ROOT, "corpus: %d images; bytes at equal mean score against cwebp -q, at mean %s%n",
                images.size(), Arrays.toString(AT));
        List<Point> plain = null;
        try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            for (String flags : variants) {
                List<Point> curve = curve(pipeline, pool, images, work, flags);
                plain = plain == null ? curve : plain;
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", flags.isBlank() ? "(cwebp -q)" : flags));
                for (double mean : AT) {
                    line.append(String.format(Locale.ROOT, "  %+5.1f%%", 100 * (at(curve, mean) / at(plain, mean) - 1)));
                }
                System.out.println(line);
            }
        }
    }

    private static List<Point> curve(Pipeline pipeline, ExecutorService pool, List<Path> images, Path work, String flags)
            throws Exception {
        List<Point> curve = new ArrayList<>();
        for (int q = 50; q <= 95; q += 5) {
            List<Future<double[]>> results = new ArrayList<>();
            for (Path png : images) {
                List<String> command = new ArrayList<>(List.of("cwebp", "-quiet", "-q", Integer.toString(q)));
                if (!flags.isBlank()) {
                    command.addAll(Arrays.asList(flags.strip().split("\\s+")));
                }
                Path out = work.resolve(png.getFileName() + "." + Math.abs(flags.hashCode()) + "." + q + ".webp");
                command.addAll(List.of(png.toString(), "-o", out.toString()));
                results.add(pool.submit(() -> {
                    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                    p.getInputStream().readAllBytes();
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException(String.join(" ", command) + " failed");
                    }
                    byte[] encoded = Files.readAllBytes(out);
                    return new double[] {encoded.length, pipeline.similarity(Files.readAllBytes(png), encoded)};
                }));
            }
            double bytes = 0;
            double scores = 0;
            for (Future<double[]> r : results) {
                bytes += r.get()[0];
                scores += r.get()[1];
            }
            curve.add(new Point(bytes, scores / images.size()));
        }
        return curve;
    }

    /// The curve's bytes at `mean`, between the two settings around it.
    private static double at(List<Point> curve, double mean) {
        for (int i = 0; i + 1 < curve.size(); i++) {
            Point lo = curve.get(i);
            Point hi = curve.get(i + 1);
            if (lo.mean() <= mean && mean <= hi.mean()) {
                double t = (mean - lo.mean()) / (hi.mean() - lo.mean());
                return Math.exp(Math.log(lo.bytes()) + t * (Math.log(hi.bytes()) - Math.log(lo.bytes())));
            }
        }
        return Double.NaN;
    }
}
