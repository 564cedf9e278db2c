package io.compressor.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/// The lowest encoder quality whose output scores at least the target, in at most `MAX_PROBES` probes.
/// A bisection whose split point is interpolated: the distance from identical, `ln(1 − score)`, falls about
/// linearly with the quality, so the next probe goes where the line through the bracket meets the target
/// (the first step uses a typical slope). Once the bracket is `PRECISION` wide, the passing end is kept.
/// When no quality passes, the best quality tried (the highest) is kept.
final class QualitySearch {
    static final int MAX_PROBES = 6;
    static final int PRECISION = 2;
    /// A typical change of `ln(1 − score)` per quality step, measured on the bench's photos.
    private static final double TYPICAL_SLOPE = -0.03;

    /// The qualities an encoder is searched over, and where the search starts.
    record Range(int min, int max, int start) {
        Range {
            if (min > start || start > max) {
                throw new IllegalArgumentException("start " + start + " outside " + min + ".." + max);
            }
        }
    }

    /// The quality chosen, the score it reached, whether that meets the target, and how many probes it took.
    record Found(int quality, double score, boolean met, int probes) {}

    private QualitySearch() {}

    static Found run(IntToDoubleFunction score, double target, Range range) {
        Map<Integer, Double> tried = new HashMap<>();
        Integer pass = null; // lowest quality known to meet the target
        Integer fail = null; // highest quality known to miss it
        int q = range.start();
        while (tried.size() < MAX_PROBES) {
            double s = score.applyAsDouble(q);
            tried.put(q, s);
            if (s >= target) {
                pass = pass == null ? q : Math.min(pass, q);
            } else {
                fail = fail == null ? q : Math.max(fail, q);
            }
            int low = fail == null ? range.min() : fail + 1;
            int high = pass == null ? range.max() : pass - 1;
            if (low > high || (pass != null && pass - (fail == null ? range.min() - 1 : fail) <= PRECISION)) {
                break;
            }
            q = next(tried, pass, fail, target, q, low, high);
        }
        if (pass != null) {
            return new Found(pass, tried.get(pass), true, tried.size());
        }
        return new Found(fail, tried.get(fail), false, tried.size());
    }

    /// Where the line through the bracket's ends (or the last probe and the typical slope) meets the target,
    /// kept inside [low, high], which holds no quality tried yet (those are all below or above it).
    private static int next(Map<Integer, Double> tried, Integer pass, Integer fail, double target, int last, int low,
            int high) {
        double want = distance(target);
        double guess;
        if (pass != null && fail != null) {
            double yPass = distance(tried.get(pass));
            double yFail = distance(tried.get(fail));
            guess = yPass == yFail ? (pass + fail) / 2.0 : fail + (want - yFail) * (pass - fail) / (yPass - yFail);
        } else {
            guess = last + (want - distance(tried.get(last))) / TYPICAL_SLOPE;
        }
        return (int) Math.round(Math.max(low, Math.min(high, guess)));
    }

    private static double distance(double score) {
        return Math.log(Math.max(1e-6, 1 - score));
    }
}
