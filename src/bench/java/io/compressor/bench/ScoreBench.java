package io.compressor.bench;

import io.compressor.pipeline.Compression;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Limits;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.testing.Kendall;
import io.compressor.testing.Pixels;
import io.compressor.testing.Ssimulacra2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/// What scoring a candidate costs next to encoding it, for the quality search: per image of the corpus' tune half, the
/// median time of one fixed-quality encode (decoding the input included, as `QualityBench` times it), of the engine's
/// SSIM score of that output, and of a SSIMULACRA 2 score at full size and on a proxy halved in each direction (the
/// reference prepared once, as a search would; its own time printed apart). And whether the proxy ranks outputs as
/// the full score does: Kendall's tau and the mean difference between the two over every image at several qualities.
/// Usage: ScoreBench CORPUS_DIR FORMAT   (`bench/quality.sh score jpeg`)
public final class ScoreBench {
    private static final int[] QUALITIES = {40, 60, 75, 85, 95};

    private ScoreBench() {}

    public static void main(String[] args) throws Exception {
        Pipeline pipeline = Pipeline.start(new EngineConfig(EngineConfig.libraries(System.getProperty("vips.library", "libvips.so.42")), 0,
                new Limits(256L << 20, 100_000_000)));
        OutputFormat format = OutputFormat.valueOf(args[1].toUpperCase(Locale.ROOT));
        String extension = format.name().toLowerCase(Locale.ROOT);
        List<Path> images = QualityBench.Corpus.part(Path.of(args[0]), "tune");
        List<double[]> pairs = new ArrayList<>(); // full score, proxy score
        long[] encode = new long[images.size()];
        long[] ssim = new long[images.size()];
        long[] full = new long[images.size()];
        long[] proxy = new long[images.size()];
        long[] prepare = new long[images.size()];
        for (int i = 0; i < images.size(); i++) {
            byte[] input = Files.readAllBytes(images.get(i));
            long t0 = System.nanoTime();
            Ssimulacra2.Rgb rgb = Pixels.rgb(input, "png");
            Ssimulacra2.Reference reference = Ssimulacra2.reference(rgb);
            Ssimulacra2.Reference halfReference = Ssimulacra2.reference(half(rgb));
            prepare[i] = System.nanoTime() - t0;
            for (int q : QUALITIES) {
                ProcessOptions fixed = new ProcessOptions(Compression.HIGH, OptionalInt.of(q), format, Optional.empty(), Set.of());
                pipeline.process(input, fixed); // warm
                long t1 = System.nanoTime();
                byte[] out = pipeline.process(input, fixed).bytes();
                long t2 = System.nanoTime();
                pipeline.similarity(input, out);
                long t3 = System.nanoTime();
                Ssimulacra2.Rgb candidate = Pixels.rgb(out, extension);
                double fullScore = reference.score(candidate);
                long t4 = System.nanoTime();
                double proxyScore = halfReference.score(half(candidate));
                long t5 = System.nanoTime();
                pairs.add(new double[] {fullScore, proxyScore});
                if (q == 75) {
                    encode[i] = t2 - t1;
                    ssim[i] = t3 - t2;
                    full[i] = t4 - t3;
                    proxy[i] = t5 - t4;
                }
            }
        }
        double e = milliseconds(encode);
        System.out.printf(Locale.ROOT, "%s, %d images (tune half), medians per image at quality 75:%n", format, images.size());
        System.out.printf(Locale.ROOT, "  one fixed-quality encode (decode included) %.0f ms%n", e);
        System.out.printf(Locale.ROOT, "  SSIM of the output (engine, <= 1 MP luma)   %.0f ms  ratio_to_encode=%.2f%n", milliseconds(ssim), milliseconds(ssim) / e);
        System.out.printf(Locale.ROOT, "  SSIMULACRA 2, full size (decode included)   %.0f ms  ratio_to_encode=%.2f%n", milliseconds(full), milliseconds(full) / e);
        System.out.printf(Locale.ROOT, "  SSIMULACRA 2, halved proxy                  %.0f ms  ratio_to_encode=%.2f%n", milliseconds(proxy), milliseconds(proxy) / e);
        System.out.printf(Locale.ROOT, "  preparing both references, once per image   %.0f ms%n", milliseconds(prepare));
        double meanDiff = pairs.stream().mapToDouble(p -> p[1] - p[0]).average().orElseThrow();
        System.out.printf(Locale.ROOT, "proxy against full over %d outputs (qualities %s): tau=%.3f mean(proxy-full)=%.2f%n",
                pairs.size(), Arrays.toString(QUALITIES), Kendall.tau(pairs), meanDiff);
        double[] fit = fit(pairs);
        System.out.printf(Locale.ROOT, "full read off the proxy by a straight line (full = %.3f * proxy %+.2f): residual sd=%.2f"
                + " worst=%.2f%n", fit[0], fit[1], fit[2], fit[3]);
    }

    /// The least-squares line full = a * proxy + b, and its residuals' standard deviation and largest magnitude.
    private static double[] fit(List<double[]> pairs) {
        double mx = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double sxy = pairs.stream().mapToDouble(p -> (p[1] - mx) * (p[0] - my)).sum();
        double sxx = pairs.stream().mapToDouble(p -> (p[1] - mx) * (p[1] - mx)).sum();
        double a = sxy / sxx;
        double b = my - a * mx;
        double[] residuals = pairs.stream().mapToDouble(p -> p[0] - (a * p[1] + b)).toArray();
        double sd = Math.sqrt(Arrays.stream(residuals).map(r -> r * r).sum() / residuals.length);
        double worst = Arrays.stream(residuals).map(Math::abs).max().orElseThrow();
        return new double[] {a, b, sd, worst};
    }

    /// The image halved in each direction, each pixel the mean of a 2×2 block (a last odd row or column dropped).
    static Ssimulacra2.Rgb half(Ssimulacra2.Rgb image) {
        int w = image.width() / 2;
        int h = image.height() / 2;
        byte[] in = image.pixels();
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int a = (2 * y * image.width() + 2 * x) * 3 + c;
                    int b = a + image.width() * 3;
                    out[(y * w + x) * 3 + c] = (byte) (((in[a] & 255) + (in[a + 3] & 255) + (in[b] & 255) + (in[b + 3] & 255) + 2) / 4);
                }
            }
        }
        return new Ssimulacra2.Rgb(w, h, out);
    }

    /// The median of nanosecond times, in milliseconds.
    private static double milliseconds(long[] nanos) {
        return QualityBench.median(nanos) / 1e6;
    }
}
