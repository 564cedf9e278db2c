package io.compressor.pipeline;

import io.compressor.testing.Chord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/// The calibration of the levels' goals (docs/compression.md), a program of `bench/quality.sh sweep`: runs the real
/// `QualitySearch` on every image's measured curve (the output of `ScoreCurves`, one line per image:
/// `NAME WIDTHxHEIGHT q:bytes:score …`; qualities between two measured ones are interpolated) for each goal
/// given, and prints total bytes, mean and worst score, probes, and the bytes saved against the same encoder at
/// one fixed quality for every image, at equal mean score (linear between the fixed qualities 50, 51 … 95: a chord
/// over five qualities lies a few per cent above the curve).
/// It lives beside `QualitySearch` because the search is the engine's own, not public API.
/// Usage: GoalSweep CURVES_FILE MIN MAX START FLOOR:RATE...
public final class GoalSweep {
    private GoalSweep() {}

    record Curve(String name, double pixels, TreeMap<Integer, Long> bytes, TreeMap<Integer, Double> scores) {
        double score(int q) {
            return interpolate(scores.floorEntry(q).getKey(), scores.floorEntry(q).getValue(),
                    scores.ceilingEntry(q).getKey(), scores.ceilingEntry(q).getValue(), q);
        }

        double bytes(int q) {
            int a = bytes.floorKey(q);
            int b = bytes.ceilingKey(q);
            return Math.exp(interpolate(a, Math.log(bytes.get(a)), b, Math.log(bytes.get(b)), q));
        }

        private static double interpolate(int a, double ya, int b, double yb, int q) {
            return a == b ? ya : ya + (yb - ya) * (q - a) / (b - a);
        }
    }

    public static void main(String[] args) throws IOException {
        List<Curve> curves = read(Path.of(args[0]));
        QualitySearch.Range range = new QualitySearch.Range(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        List<double[]> fixed = new ArrayList<>(); // mean score, total bytes, worst score
        for (int q = 50; q <= 95; q++) {
            final int quality = q;
            fixed.add(summary(curves.stream().mapToDouble(c -> c.bytes(quality)).toArray(),
                    curves.stream().mapToDouble(c -> c.score(quality)).toArray()));
        }
        fixed.sort((x, y) -> Double.compare(x[0], y[0]));
        List<double[]> best = bestChoices(curves, range);
        for (int i = 4; i < args.length; i++) {
            String[] goalArgs = args[i].split(":");
            QualitySearch.Goal goal = new QualitySearch.Goal(Double.parseDouble(goalArgs[0]), Double.parseDouble(goalArgs[1]));
            double[] bytes = new double[curves.size()];
            double[] scores = new double[curves.size()];
            int[] probes = new int[curves.size()];
            for (int c = 0; c < curves.size(); c++) {
                Curve curve = curves.get(c);
                QualitySearch.Found found = QualitySearch.run(
                        q -> new QualitySearch.Trial(curve.score(q), curve.bytes(q) * 8 / curve.pixels()), goal, range, () -> true);
                bytes[c] = curve.bytes(found.quality());
                scores[c] = found.score();
                probes[c] = found.probes();
            }
            double[] ours = summary(bytes, scores);
            Optional<Chord> fixedThere = Chord.at(fixed, ours[0]);
            System.out.printf(Locale.ROOT, "floor=%.3f rate=%.3f  bytes=%10.0f mean=%.4f worst=%.4f probes(median)=%d  %s%n",
                    goal.floor(), goal.rate(), ours[1], ours[0], ours[2],
                    Arrays.stream(probes).sorted().toArray()[probes.length / 2], against(ours, fixedThere));
            Optional<Chord> bestThere = Chord.at(best, ours[0]);
            if (fixedThere.isPresent() && bestThere.isPresent()) {
                System.out.printf(Locale.ROOT, "    the best per-image choice at that mean: bytes=%.0f -> saved=%.1f%% (the most any search could save)%n",
                        bestThere.get().bytes(), 100 * (1 - bestThere.get().bytes() / fixedThere.get().bytes()));
            }
        }
    }

    /// The most mean score any choice of one quality per image can buy for its bytes: for each price of a bit per pixel,
    /// every image at the quality where `score − price × bits per pixel` is highest (a Lagrangian over the whole curves,
    /// no floor), as points (mean score, total bytes, worst score) sorted by mean.
    private static List<double[]> bestChoices(List<Curve> curves, QualitySearch.Range range) {
        List<double[]> points = new ArrayList<>();
        for (double price = 1e-4; price < 1; price *= 1.05) {
            double[] bytes = new double[curves.size()];
            double[] scores = new double[curves.size()];
            for (int c = 0; c < curves.size(); c++) {
                Curve curve = curves.get(c);
                int chosen = range.min();
                double most = worth(curve, chosen, price);
                for (int q = range.min() + 1; q <= range.max(); q++) {
                    double worth = worth(curve, q, price);
                    if (worth > most) {
                        chosen = q;
                        most = worth;
                    }
                }
                bytes[c] = curve.bytes(chosen);
                scores[c] = curve.score(chosen);
            }
            points.add(summary(bytes, scores));
        }
        points.sort((x, y) -> Double.compare(x[0], y[0]));
        return points;
    }

    private static double worth(Curve curve, int quality, double price) {
        return curve.score(quality) - price * curve.bytes(quality) * 8 / curve.pixels();
    }

    /// Our bytes against one fixed quality's at our mean score (`there`, empty when our mean is outside their range).
    private static String against(double[] ours, Optional<Chord> there) {
        return there.map(t -> String.format(Locale.ROOT, "fixed quality at equal mean: bytes=%.0f worst=%.4f -> saved=%.1f%%",
                t.bytes(), t.worst(), 100 * (1 - ours[1] / t.bytes()))).orElse("mean outside the fixed qualities' range");
    }

    private static double[] summary(double[] bytes, double[] scores) {
        return new double[] {Arrays.stream(scores).average().orElseThrow(), Arrays.stream(bytes).sum(),
                Arrays.stream(scores).min().orElseThrow()};
    }

    private static List<Curve> read(Path file) throws IOException {
        List<Curve> curves = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 3) {
                continue;
            }
            String[] size = parts[1].split("x");
            TreeMap<Integer, Long> bytes = new TreeMap<>();
            TreeMap<Integer, Double> scores = new TreeMap<>();
            for (int i = 2; i < parts.length; i++) {
                String[] point = parts[i].split(":");
                int q = Integer.parseInt(point[0]);
                bytes.put(q, Long.parseLong(point[1]));
                scores.put(q, Double.parseDouble(point[2]));
            }
            curves.add(new Curve(parts[0], Double.parseDouble(size[0]) * Double.parseDouble(size[1]), bytes, scores));
        }
        return curves;
    }
}
