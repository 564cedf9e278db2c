package io.compressor.testing;

import java.util.List;
import java.util.Optional;

/// A reading of a curve of (mean score, bytes, worst score) points, sorted by mean score, at one mean score: on the
/// straight line between the two points around it (`below` and the next). How the quality benches compare an encoder
/// with another at an equal mean score.
public record Chord(int below, double bytes, double worst) {
    /// The reading at `mean`; empty when `mean` is outside the curve.
    public static Optional<Chord> at(List<double[]> curve, double mean) {
        for (int i = 0; i + 1 < curve.size(); i++) {
            double[] lo = curve.get(i);
            double[] hi = curve.get(i + 1);
            if (lo[0] <= mean && mean <= hi[0]) {
                double t = hi[0] == lo[0] ? 0 : (mean - lo[0]) / (hi[0] - lo[0]);
                return Optional.of(new Chord(i, lo[1] + t * (hi[1] - lo[1]), lo[2] + t * (hi[2] - lo[2])));
            }
        }
        return Optional.empty();
    }
}
