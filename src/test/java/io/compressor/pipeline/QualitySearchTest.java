package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QualitySearchTest {
    private static final QualitySearch.Range RANGE = new QualitySearch.Range(30, 95, 78);

    /// A photo-like curve: the distance from identical shrinks exponentially with the quality, at `slope`.
    private static IntToDoubleFunction curve(double atStart, double slope) {
        return q -> 1 - (1 - atStart) * Math.exp(slope * (q - 78));
    }

    /// The lowest quality of the curve that meets the target, found by trying them all.
    private static int lowestPassing(IntToDoubleFunction score, double target) {
        for (int q = RANGE.min(); q <= RANGE.max(); q++) {
            if (score.applyAsDouble(q) >= target) {
                return q;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "score {0} at q78, slope {1}, target {2}")
    @CsvSource({"0.98,-0.03,0.98", "0.98,-0.06,0.99", "0.98,-0.03,0.965", "0.95,-0.06,0.98", "0.995,-0.05,0.98",
            "0.97,-0.04,0.975", "0.90,-0.10,0.98", "0.999,-0.02,0.98"})
    void findsTheLowestPassingQualityWithinTwoStepsInAtMostSixProbes(double atStart, double slope, double target) {
        IntToDoubleFunction score = curve(atStart, slope);
        List<Integer> probes = new ArrayList<>();
        QualitySearch.Found found = QualitySearch.run(q -> {
            probes.add(q);
            return score.applyAsDouble(q);
        }, target, RANGE);
        int best = lowestPassing(score, target);
        assertThat(best).as("a reachable target").isPositive();
        assertThat(found.met()).isTrue();
        assertThat(found.quality()).isBetween(best, best + 1);
        assertThat(found.score()).isEqualTo(score.applyAsDouble(found.quality())).isGreaterThanOrEqualTo(target);
        assertThat(probes).hasSize(found.probes()).hasSizeLessThanOrEqualTo(QualitySearch.MAX_PROBES).doesNotHaveDuplicates();
    }

    @Test
    void whenNothingPassesTheHighestQualityTriedIsKept() {
        QualitySearch.Found found = QualitySearch.run(q -> 0.5 + q / 1000.0, 0.99, RANGE);
        assertThat(found.met()).isFalse();
        assertThat(found.quality()).isEqualTo(RANGE.max());
        assertThat(found.score()).isEqualTo(0.5 + RANGE.max() / 1000.0);
    }

    @Test
    void whenEverythingPassesTheLowestQualityIsKept() {
        QualitySearch.Found found = QualitySearch.run(q -> 0.9999, 0.98, RANGE);
        assertThat(found.met()).isTrue();
        assertThat(found.quality()).isEqualTo(RANGE.min());
    }

    @Test
    void aCurveThatDipsStillEndsOnAPassingQuality() {
        QualitySearch.Found found = QualitySearch.run(q -> q % 7 == 0 ? 0.5 : 0.9 + q / 1000.0, 0.97, RANGE);
        assertThat(found.met()).isTrue();
        assertThat(found.score()).isGreaterThanOrEqualTo(0.97);
    }
}
