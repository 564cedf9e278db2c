package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SsimTest {
    private static byte[] plane(int w, int h, java.util.function.IntBinaryOperator value) {
        byte[] p = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = (byte) Math.max(0, Math.min(255, value.applyAsInt(x, y)));
            }
        }
        return p;
    }

    @Test
    void identicalPlanesScoreOne() {
        Random random = new Random(7);
        byte[] noise = plane(64, 48, (x, y) -> random.nextInt(256));
        assertThat(Ssim.score(noise, noise.clone(), 64, 48)).isEqualTo(1.0);
        byte[] tiny = plane(5, 3, (x, y) -> x * 40 + y);
        assertThat(Ssim.score(tiny, tiny.clone(), 5, 3)).isEqualTo(1.0);
    }

    @Test
    void flatPlanesScoreTheLuminanceTermAlone() {
        // With no variance, every window scores (2ab + c) / (a² + b² + c), c = (0.01·255)²/64 as in x264 and ffmpeg.
        double c = 0.01 * 0.01 * 255 * 255 / 64;
        double expected = (2.0 * 100 * 120 + c) / (100.0 * 100 + 120.0 * 120 + c);
        assertThat(Ssim.score(plane(32, 32, (x, y) -> 100), plane(32, 32, (x, y) -> 120), 32, 32))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void moreDamageScoresLowerAndTheScoreIsSymmetric() {
        Random random = new Random(11);
        byte[] original = plane(96, 64, (x, y) -> (x * 3 + y * 2) % 256);
        byte[] light = plane(96, 64, (x, y) -> (original[y * 96 + x] & 0xff) + random.nextInt(7) - 3);
        byte[] heavy = plane(96, 64, (x, y) -> (original[y * 96 + x] & 0xff) + random.nextInt(61) - 30);
        double lightScore = Ssim.score(original, light, 96, 64);
        double heavyScore = Ssim.score(original, heavy, 96, 64);
        assertThat(lightScore).isLessThan(1.0).isGreaterThan(heavyScore);
        assertThat(heavyScore).isGreaterThan(0.0);
        assertThat(Ssim.score(light, original, 96, 64)).isCloseTo(lightScore, within(1e-12));
    }

    @Test
    void aSinglePixelScoresItsLuminanceTermNotNaN() {
        double c = 0.01 * 0.01 * 255 * 255;
        assertThat(Ssim.score(new byte[] {100}, new byte[] {100}, 1, 1)).isEqualTo(1.0);
        assertThat(Ssim.score(new byte[] {100}, new byte[] {120}, 1, 1))
                .isCloseTo((2.0 * 100 * 120 + c) / (100.0 * 100 + 120.0 * 120 + c), within(1e-12));
        assertThat(Ssim.score(new byte[] {0}, new byte[] {0}, 1, 1)).isEqualTo(1.0);
    }
}
