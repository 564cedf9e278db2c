package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.testing.Ssimulacra2;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// `Looks.SAME_PICTURE` tells the reference picture from the wrong pictures a defect would produce: each variant below,
/// without any encoding loss, scores under it against `Fixtures.expected` at the matrix's size and at full size.
class LooksTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flipped", "upside down", "turned half way", "without the top-left block",
        "cropped an eighth to the right", "cropped an eighth lower", "in grey"})
    void wrongPicturesScoreBelowTheThreshold(String variant) {
        for (int divisor : new int[] {1, 2}) {
            int w = Fixtures.W / divisor;
            int h = Fixtures.H / divisor;
            Ssimulacra2.Rgb expected = Fixtures.expected(w, h);
            double score = Ssimulacra2.score(expected, variant(expected, variant));
            System.out.printf("VARIANT %s at %dx%d: %.1f%n", variant, w, h, score);
            assertThat(score).as(variant + " at " + w + "x" + h).isLessThan(Looks.SAME_PICTURE);
        }
    }

    private static Ssimulacra2.Rgb variant(Ssimulacra2.Rgb image, String variant) {
        int w = image.width();
        int h = image.height();
        return switch (variant) {
            case "flipped" -> map(image, (x, y) -> pixel(image, w - 1 - x, y));
            case "upside down" -> map(image, (x, y) -> pixel(image, x, h - 1 - y));
            case "turned half way" -> map(image, (x, y) -> pixel(image, w - 1 - x, h - 1 - y));
            case "without the top-left block" -> map(image, (x, y) -> x < w / 3 && y < h / 3
                    ? pixel(image, w / 3, y + h / 3) : pixel(image, x, y));
            case "cropped an eighth to the right" -> map(image, (x, y) -> pixel(image, Math.min(w - 1, x + w / 8), y));
            case "cropped an eighth lower" -> map(image, (x, y) -> pixel(image, x, Math.min(h - 1, y + h / 8)));
            case "in grey" -> map(image, (x, y) -> {
                int p = pixel(image, x, y);
                int grey = ((p >> 16 & 255) * 3 + (p >> 8 & 255) * 6 + (p & 255)) / 10;
                return grey << 16 | grey << 8 | grey;
            });
            default -> throw new IllegalArgumentException(variant);
        };
    }

    private static int pixel(Ssimulacra2.Rgb image, int x, int y) {
        int i = (y * image.width() + x) * 3;
        byte[] p = image.pixels();
        return (p[i] & 255) << 16 | (p[i + 1] & 255) << 8 | (p[i + 2] & 255);
    }

    private static Ssimulacra2.Rgb map(Ssimulacra2.Rgb image, IntBinaryOperator pixelAt) {
        byte[] out = new byte[image.pixels().length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int p = pixelAt.applyAsInt(x, y);
                int i = (y * image.width() + x) * 3;
                out[i] = (byte) (p >> 16);
                out[i + 1] = (byte) (p >> 8);
                out[i + 2] = (byte) p;
            }
        }
        return new Ssimulacra2.Rgb(image.width(), image.height(), out);
    }
}
