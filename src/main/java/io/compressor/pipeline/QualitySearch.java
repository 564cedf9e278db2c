package io.compressor.pipeline;

import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/// Bisection over an encoder's quality for the smallest output whose score meets a target, in at most
/// `MAX_ENCODES` encodes. The score rises with the quality (not strictly, so the smallest passing output
/// tried is kept, not the last). When no quality tried meets the target, the best-scoring output is kept.
final class QualitySearch {
    static final int MAX_ENCODES = 6;

    /// The qualities an encoder is searched over, and where the search starts.
    record Range(int min, int max, int start) {
        Range {
            if (min > start || start > max) {
                throw new IllegalArgumentException("start " + start + " outside " + min + ".." + max);
            }
        }
    }

    record Found(byte[] bytes, Quality quality, int encodes) {}

    private QualitySearch() {}

    static Found run(IntFunction<byte[]> encode, ToDoubleFunction<byte[]> score, double target, Range range) {
        int low = range.min();
        int high = range.max();
        int q = range.start();
        byte[] best = null;
        Quality bestQuality = null;
        byte[] fallback = null;
        Quality fallbackQuality = null;
        int encodes = 0;
        while (encodes < MAX_ENCODES && low <= high) {
            byte[] bytes = encode.apply(q);
            double s = score.applyAsDouble(bytes);
            encodes++;
            if (s >= target) {
                if (best == null || bytes.length < best.length) {
                    best = bytes;
                    bestQuality = new Quality(q, s, target);
                }
                high = q - 1;
            } else {
                if (fallback == null || s > fallbackQuality.score()) {
                    fallback = bytes;
                    fallbackQuality = new Quality(q, s, target);
                }
                low = q + 1;
            }
            q = (low + high) >>> 1;
        }
        return best != null ? new Found(best, bestQuality, encodes) : new Found(fallback, fallbackQuality, encodes);
    }
}
