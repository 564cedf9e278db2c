package io.compressor.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/// A bounded mutation fuzzer for JUnit: runs a target over inputs made from seed inputs (bits flipped, bytes set to
/// edge values, runs cut out, repeated or inserted, two seeds spliced, plain random bytes) until its time budget or
/// run count is spent. The target asserts what must hold for every input; the first input that breaks it fails the
/// test with the run's seed and the input in Base64, so the failure can be replayed (`-Dfuzz.seed=N`).
///
/// jqwik (1.9/1.10) runs on JUnit Platform 1.x and Jazzer's JUnit integration on Jupiter 5, while this suite runs on
/// JUnit 6: this small harness is what fits. It is not coverage-guided; the seeds carry the structure.
public final class Fuzz {
    private static final byte[] EDGES = {0, 1, -1, 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xfe, '<', '>', '"', '\\', '{',
            '}', '[', ']', ':', ',', '\n', '\r', ' ', '%', '/', '.'};

    private Fuzz() {}

    /// Runs `target` for at most `budget` or `maxRuns` inputs, whichever ends first; every seed runs unchanged first.
    public static int run(String name, List<byte[]> seeds, Duration budget, int maxRuns, Consumer<byte[]> target) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        long end = System.nanoTime() + budget.toNanos();
        int runs = 0;
        for (; runs < maxRuns && (runs < seeds.size() || System.nanoTime() - end < 0); runs++) {
            byte[] input = runs < seeds.size() ? seeds.get(runs) : mutate(random, seeds);
            try {
                target.accept(input);
            } catch (Throwable e) {
                String shown = Base64.getEncoder().encodeToString(input.length > 4096 ? Arrays.copyOf(input, 4096) : input);
                throw new AssertionError(name + ": run " + runs + " of seed " + seed + " (replay with -Dfuzz.seed=" + seed
                        + ") failed on " + input.length + " bytes, Base64" + (input.length > 4096 ? " (first 4096)" : "")
                        + ": " + shown, e);
            }
        }
        return runs;
    }

    /// One input: a seed changed one to four times, or (rarely) random bytes.
    static byte[] mutate(Random random, List<byte[]> seeds) {
        if (random.nextInt(20) == 0) {
            byte[] noise = new byte[random.nextInt(512)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        for (int i = random.nextInt(4); i >= 0; i--) {
            b = once(random, b, seeds);
        }
        return b;
    }

    private static byte[] once(Random random, byte[] b, List<byte[]> seeds) {
        if (b.length == 0) {
            return new byte[] {EDGES[random.nextInt(EDGES.length)]};
        }
        int at = random.nextInt(b.length);
        int span = 1 + random.nextInt(Math.min(64, b.length - at));
        return switch (random.nextInt(7)) {
            case 0 -> flip(b, at, random);
            case 1 -> set(b, at, EDGES[random.nextInt(EDGES.length)]);
            case 2 -> join(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + span, b.length));
            case 3 -> Arrays.copyOf(b, at); // truncated
            case 4 -> join(Arrays.copyOfRange(b, 0, at + span), Arrays.copyOfRange(b, at, b.length));
            case 5 -> splice(b, at, seeds.get(random.nextInt(seeds.size())), random);
            default -> join(Arrays.copyOfRange(b, 0, at), new byte[] {EDGES[random.nextInt(EDGES.length)]},
                    Arrays.copyOfRange(b, at, b.length));
        };
    }

    private static byte[] flip(byte[] b, int at, Random random) {
        b[at] ^= (byte) (1 << random.nextInt(8));
        return b;
    }

    private static byte[] set(byte[] b, int at, byte value) {
        b[at] = value;
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] other, Random random) {
        int from = other.length == 0 ? 0 : random.nextInt(other.length);
        return join(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(other, from, other.length));
    }

    private static byte[] join(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
