package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualitySearchTest {
    private static final QualitySearch.Range RANGE = new QualitySearch.Range(30, 95, 78);

    /// A photo-like curve: the distance from identical shrinks exponentially with the quality (at `scoreSlope`) while
    /// the size grows exponentially (at `bitsSlope`), both anchored at q78.
    private static IntFunction<QualitySearch.Trial> curve(double scoreAt78, double scoreSlope, double bitsAt78,
            double bitsSlope) {
        return q -> new QualitySearch.Trial(1 - (1 - scoreAt78) * Math.exp(scoreSlope * (q - 78)),
                bitsAt78 * Math.exp(bitsSlope * (q - 78)));
    }

    private static double gain(QualitySearch.Trial p, QualitySearch.Goal goal) {
        return p.score() - goal.rate() * p.bitsPerPixel();
    }

    /// The best quality of the curve for the goal, found by trying them all.
    private static int best(IntFunction<QualitySearch.Trial> curve, QualitySearch.Goal goal) {
        int best = -1;
        for (int q = RANGE.min(); q <= RANGE.max(); q++) {
            QualitySearch.Trial p = curve.apply(q);
            if (p.score() >= goal.floor() && (best < 0 || gain(p, goal) > gain(curve.apply(best), goal))) {
                best = q;
            }
        }
        return best;
    }

    private static QualitySearch.Found search(IntFunction<QualitySearch.Trial> curve, QualitySearch.Goal goal,
            List<Integer> probes) {
        return QualitySearch.run(q -> {
            probes.add(q);
            return curve.apply(q);
        }, goal, RANGE, () -> true);
    }

    @ParameterizedTest(name = "score {0} (slope {1}), {2} bpp (slope {3}), rate {4}")
    @CsvSource({"0.98,-0.03,1.0,0.025,0.02", "0.98,-0.03,1.0,0.025,0.01", "0.98,-0.03,1.0,0.025,0.04",
            "0.95,-0.02,3.0,0.02,0.02", "0.995,-0.05,0.3,0.03,0.02", "0.97,-0.04,2.0,0.035,0.012",
            "0.99,-0.04,0.5,0.02,0.04"})
    void findsTheQualityWhereAnotherBitBuysLessThanTheRateInFewProbes(double score, double scoreSlope, double bits,
            double bitsSlope, double rate) {
        IntFunction<QualitySearch.Trial> curve = curve(score, scoreSlope, bits, bitsSlope);
        QualitySearch.Goal goal = new QualitySearch.Goal(0.5, rate);
        List<Integer> probes = new ArrayList<>();
        QualitySearch.Found found = search(curve, goal, probes);
        int best = best(curve, goal);
        assertThat(found.met()).isTrue();
        assertThat(found.quality()).as("the best is q%d, probes %s", best, probes).isBetween(best - 2, best + 2);
        assertThat(found.score()).isEqualTo(curve.apply(found.quality()).score());
        assertThat(probes).hasSize(found.probes()).hasSizeLessThanOrEqualTo(4).doesNotHaveDuplicates();
    }

    @Test
    void theFloorWinsOverTheRateOnAHardImage() {
        // each bit buys little, so the rate alone would stop low, at a score under the floor
        IntFunction<QualitySearch.Trial> curve = curve(0.95, -0.04, 3.0, 0.03);
        QualitySearch.Goal goal = new QualitySearch.Goal(0.97, 0.04);
        List<Integer> probes = new ArrayList<>();
        QualitySearch.Found found = search(curve, goal, probes);
        int lowestPassing = best(curve, new QualitySearch.Goal(0.97, 1e6)); // an expensive bit: the lowest passing
        assertThat(found.met()).isTrue();
        assertThat(found.score()).isGreaterThanOrEqualTo(0.97);
        assertThat(found.quality()).isBetween(lowestPassing, lowestPassing + 2);
        assertThat(probes).hasSizeLessThanOrEqualTo(QualitySearch.MAX_PROBES).doesNotHaveDuplicates();
    }

    @Test
    void whenNothingMeetsTheFloorTheHighestQualityIsKept() {
        QualitySearch.Found found = QualitySearch.run(q -> new QualitySearch.Trial(0.5 + q / 1000.0, q / 10.0),
                new QualitySearch.Goal(0.99, 0.02), RANGE, () -> true);
        assertThat(found.met()).isFalse();
        assertThat(found.quality()).isEqualTo(RANGE.max());
        assertThat(found.score()).isEqualTo(0.5 + RANGE.max() / 1000.0);
    }

    @Test
    void whenMoreBitsBuyNothingTheLowestQualityIsKept() {
        QualitySearch.Found found = QualitySearch.run(q -> new QualitySearch.Trial(0.9999, q / 10.0),
                new QualitySearch.Goal(0.98, 0.02), RANGE, () -> true);
        assertThat(found.met()).isTrue();
        assertThat(found.quality()).isEqualTo(RANGE.min());
    }

    @Test
    void aCurveThatDipsStillEndsOnAQualityThatMeetsTheFloor() {
        QualitySearch.Found found = QualitySearch.run(
                q -> new QualitySearch.Trial(q % 7 == 0 ? 0.5 : 0.9 + q / 1000.0, q / 20.0 + (q % 3) * 0.1),
                new QualitySearch.Goal(0.97, 0.02), RANGE, () -> true);
        assertThat(found.met()).isTrue();
        assertThat(found.score()).isGreaterThanOrEqualTo(0.97);
    }

    @ParameterizedTest(name = "time for {0} probes")
    @CsvSource({"0", "1", "2"})
    void noProbeStartsOnceTheTimeIsUpAndTheBestSoFarIsKept(int probesInTime) {
        IntFunction<QualitySearch.Trial> curve = curve(0.95, -0.04, 3.0, 0.03); // q78 and q86 miss the floor
        QualitySearch.Goal goal = new QualitySearch.Goal(0.97, 0.04);
        List<Integer> probes = new ArrayList<>();
        QualitySearch.Found found = QualitySearch.run(q -> {
            probes.add(q);
            return curve.apply(q);
        }, goal, RANGE, () -> probes.size() < probesInTime);
        assertThat(probes).hasSize(Math.max(1, probesInTime)).startsWith(RANGE.start());
        assertThat(found.probes()).isEqualTo(probes.size());
        assertThat(probes).contains(found.quality());
        assertThat(found.score()).isEqualTo(probes.stream().mapToDouble(q -> curve.apply(q).score()).max().orElseThrow());
        assertThat(found.met()).isFalse();
    }

    @Test
    @Timeout(10)
    void scoresThatAreNotANumberFailTheFloorAndEveryProbeStaysInRange() {
        List<Integer> probes = new ArrayList<>();
        QualitySearch.Found found = search(q -> new QualitySearch.Trial(Double.NaN, Double.NaN),
                new QualitySearch.Goal(0.9, 0.02), probes);
        assertThat(found.met()).isFalse();
        assertThat(probes).allSatisfy(q -> assertThat(q).isBetween(RANGE.min(), RANGE.max()));
        assertThat(found.quality()).isBetween(RANGE.min(), RANGE.max());
    }
}
