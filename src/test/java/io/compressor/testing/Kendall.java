package io.compressor.testing;

import java.util.List;

/// Kendall's rank correlation between two scores of the same items: 1 when they order every pair alike, −1 when
/// they order every pair oppositely; ties in either count for neither side.
public final class Kendall {
    private Kendall() {}

    /// `pairs`: per item, its two scores.
    public static double tau(List<double[]> pairs) {
        long concordant = 0;
        long discordant = 0;
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = i + 1; j < pairs.size(); j++) {
                double sign = Math.signum(pairs.get(i)[0] - pairs.get(j)[0]) * Math.signum(pairs.get(i)[1] - pairs.get(j)[1]);
                concordant += sign > 0 ? 1 : 0;
                discordant += sign < 0 ? 1 : 0;
            }
        }
        return (concordant - discordant) / (double) (concordant + discordant);
    }
}
