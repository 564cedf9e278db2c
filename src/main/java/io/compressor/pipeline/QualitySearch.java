package io.compressor.pipeline;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/// The encoder quality that spends bytes where they buy the most visual quality, in at most `MAX_PROBES` probes.
///
/// A level's `Goal` has two parts. Above its floor, a quality step is worth taking while one more bit per
/// pixel buys at least `rate` of score: the per-image choice that gives the most mean score for the bytes
/// (a Lagrangian, "equal slope" allocation), so that easy images stop early and hard ones stop before their
/// bytes run away. Below the floor nothing is kept while a quality in range can reach it.
///
/// Finding the quality where the score's marginal price crosses `rate`: two probes give a chord; the distance
/// from identical, `ln(1 − score)`, and `ln(bits)` are each about linear in the quality, so the price falls
/// exponentially along it and the next probe goes where that line says it equals `rate`; the chord nearest the
/// crossing is re-measured until the next probe would land within `PRECISION` of the last. Three probes as a rule.
///
/// No probe starts once `timeLeft` says the image's time is up: the first always runs, and the best found so far
/// is kept.
final class QualitySearch {
    static final int MAX_PROBES = 6;
    static final int PRECISION = 1;
    /// How close the floor's bisection brackets the lowest quality that meets it.
    static final int FLOOR_PRECISION = 2;
    /// Quality steps between the first two probes: far enough apart that the chord's slope is not noise.
    static final int GAP = 8;
    /// A typical change of `ln(1 − score)` per quality step, measured on the bench's photos.
    private static final double TYPICAL_SLOPE = -0.03;

    /// The qualities an encoder is searched over, and where the search starts.
    record Range(int min, int max, int start) {
        Range {
            if (min > start || start > max) {
                throw new IllegalArgumentException("start " + start + " outside " + min + ".." + max);
            }
        }

        /// The range with nothing above `top` (but never below `min`), and a start no higher.
        Range capped(int top) {
            int max = Math.max(min, Math.min(this.max, top));
            return new Range(min, max, Math.min(start, max));
        }

        /// The nearest quality in range; `min` for a guess that is not a number.
        int clamp(double q) {
            if (Double.isNaN(q)) {
                return min;
            }
            return (int) Math.round(Math.max(min, Math.min(max, q)));
        }
    }

    /// A level's promise: no score below `floor` while the range can reach it, and above it, more bytes only while
    /// one more bit per pixel buys at least `rate` of score.
    record Goal(double floor, double rate) {}

    /// What one probe at a quality gave: the score and the size in bits per pixel.
    record Trial(double score, double bitsPerPixel) {}

    /// The quality chosen, the score it reached, whether that meets the floor, and how many probes it took.
    record Found(int quality, double score, boolean met, int probes) {}

    private QualitySearch() {}

    static Found run(IntFunction<Trial> encode, Goal goal, Range range, BooleanSupplier timeLeft) {
        TreeMap<Integer, Trial> tried = new TreeMap<>();
        tried.put(range.start(), encode.apply(range.start()));
        int second = range.start() + GAP <= range.max() ? range.start() + GAP : range.start() - GAP;
        if (second >= range.min() && timeLeft.getAsBoolean()) {
            tried.put(second, encode.apply(second));
        }
        Integer last = null;
        boolean floorBinds = false;
        while (tried.size() >= 2 && tried.size() < MAX_PROBES && timeLeft.getAsBoolean()) {
            int q = range.clamp(crossing(tried, goal.rate(), range));
            Integer fail = highestFailing(tried, goal.floor());
            if (fail != null && q <= fail) {
                floorBinds = true; // the rate would stop below the floor: the lowest quality meeting it is the answer
                break;
            }
            if (tried.containsKey(q) || (last != null && Math.abs(q - last) <= PRECISION)) {
                break;
            }
            tried.put(q, encode.apply(q));
            last = q;
        }
        Integer best = floorBinds ? null : mostGain(tried, goal);
        if (best != null) {
            return new Found(best, tried.get(best).score(), true, tried.size());
        }
        return floor(encode, goal.floor(), range, tried, timeLeft);
    }

    /// Of the qualities tried that meet the floor, the one with the most `score − rate × bits`; null when none does.
    private static Integer mostGain(TreeMap<Integer, Trial> tried, Goal goal) {
        Integer best = null;
        for (Map.Entry<Integer, Trial> e : tried.entrySet()) {
            Trial p = e.getValue();
            if (p.score() >= goal.floor() && (best == null || gain(p, goal) > gain(tried.get(best), goal))) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static Integer highestFailing(TreeMap<Integer, Trial> tried, double floor) {
        for (Integer q : tried.descendingKeySet()) {
            if (!(tried.get(q).score() >= floor)) { // a score that is not a number fails
                return q;
            }
        }
        return null;
    }

    private static double gain(Trial p, Goal goal) {
        return p.score() - goal.rate() * p.bitsPerPixel();
    }

    /// Where the score's price per bit falls to `rate`, extrapolated from the lowest chord already cheaper than
    /// `rate` (or the highest chord, when every chord is still worth its bits).
    private static double crossing(TreeMap<Integer, Trial> tried, double rate, Range range) {
        Integer[] qualities = tried.keySet().toArray(Integer[]::new);
        int i = 0;
        while (i + 2 < qualities.length && price(tried.get(qualities[i]), tried.get(qualities[i + 1])) >= rate) {
            i++;
        }
        int a = qualities[i];
        int b = qualities[i + 1];
        Trial pa = tried.get(a);
        Trial pb = tried.get(b);
        double price = price(pa, pb);
        if (price <= 0) {
            // more bits bought no score here: look below the chord, halfway to the next probe down or at the bottom
            Integer below = tried.lowerKey(a);
            return below == null ? range.min() : (below + a) / 2.0;
        }
        double scoreSlope = (distance(pb.score()) - distance(pa.score())) / (b - a);
        double bitsSlope = Math.log(pb.bitsPerPixel() / pa.bitsPerPixel()) / (b - a);
        double fall = scoreSlope - bitsSlope; // d ln(price) / d quality
        if (fall >= 0) {
            return price > rate ? range.max() : range.min();
        }
        return (a + b) / 2.0 + (Math.log(rate) - Math.log(price)) / fall;
    }

    /// Score bought per extra bit per pixel between two probes, lower quality first.
    private static double price(Trial lower, Trial higher) {
        return (higher.score() - lower.score()) / Math.max(1e-9, higher.bitsPerPixel() - lower.bitsPerPixel());
    }

    /// The lowest quality that meets `floor` above the highest quality tried that missed it: a bisection whose split
    /// point is interpolated on `ln(1 − score)`, within the probes left, until it is known to within `FLOOR_PRECISION` steps. When
    /// none passes, the best quality tried (the highest) is kept.
    private static Found floor(IntFunction<Trial> encode, double floor, Range range, TreeMap<Integer, Trial> tried,
            BooleanSupplier timeLeft) {
        int fail = highestFailing(tried, floor);
        Integer pass = tried.higherKey(fail);
        if (pass != null && pass - fail <= FLOOR_PRECISION) {
            return new Found(pass, tried.get(pass).score(), true, tried.size());
        }
        while (tried.size() < MAX_PROBES && timeLeft.getAsBoolean()) {
            int high = pass == null ? range.max() : pass - 1;
            if (fail + 1 > high) {
                break;
            }
            double want = distance(floor);
            double yFail = distance(tried.get(fail).score());
            double guess = pass == null ? fail + (want - yFail) / TYPICAL_SLOPE
                    : fail + (want - yFail) * (pass - fail) / (distance(tried.get(pass).score()) - yFail);
            if (Double.isNaN(guess)) {
                guess = (fail + 1 + high) / 2.0; // scores that are not numbers say nothing: halve the interval
            }
            int q = range.clamp(Math.max(fail + 1, Math.min(high, guess)));
            Trial p = encode.apply(q);
            tried.put(q, p);
            if (p.score() >= floor) {
                pass = q;
                if (pass - fail <= FLOOR_PRECISION) {
                    break;
                }
            } else {
                fail = q;
            }
        }
        if (pass != null) {
            return new Found(pass, tried.get(pass).score(), true, tried.size());
        }
        return new Found(fail, tried.get(fail).score(), false, tried.size());
    }

    private static double distance(double score) {
        return Math.log(Math.max(1e-6, 1 - score));
    }
}
