package io.compressor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/// Our SSIMULACRA 2 against the reference tool's scores of 105 pairs (7 sources × 15 distortions: JPEG, WebP, AVIF at
/// several qualities, blur, noise, down-up scaling, a palette), read with the JDK's PNG decoder so that nothing of the
/// engine stands between the pixels and the score.
class Ssimulacra2Test {
    private static final String DATA = "/ssimulacra2/";

    record Pair(String distorted, double reference, double ours) {}

    @Test
    void anImageAgainstItselfScoresOneHundred() throws IOException {
        Ssimulacra2.Rgb garden = read("src/garden.png");
        assertThat(Ssimulacra2.score(garden, garden)).isEqualTo(100.0);
    }

    @Test
    void scoresFollowTheReferenceTool() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        String[] lines;
        try (InputStream in = getClass().getResourceAsStream(DATA + "scores.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        }
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f[0].equals("source")) {
                continue;
            }
            pairs.add(new Pair(f[1], Double.parseDouble(f[2]), Ssimulacra2.score(read(f[0]), read(f[1]))));
        }
        assertThat(pairs).hasSize(105);
        List<Pair> below = pairs.stream().filter(p -> p.reference() < 85).toList();
        List<Pair> above = pairs.stream().filter(p -> p.reference() >= 85).toList();
        double tau = Kendall.tau(pairs.stream().map(p -> new double[] {p.reference(), p.ours()}).toList());
        System.out.printf("SSIMULACRA 2 against the reference: tau %.3f; below 85 (%d): mean |diff| %.2f, worst %.2f;"
                + " 85 and above (%d): mean %.2f, worst %.2f%n", tau, below.size(), meanDiff(below), worstDiff(below),
                above.size(), meanDiff(above), worstDiff(above));
        assertThat(tau).as("Kendall's tau").isGreaterThanOrEqualTo(0.985);
        assertThat(meanDiff(below)).as("mean |difference| below 85").isLessThan(0.5);
        assertThat(worstDiff(below)).as("worst |difference| below 85").isLessThan(1.5);
        assertThat(meanDiff(above)).as("mean |difference| at 85 and above").isLessThan(2.0);
        assertThat(worstDiff(above)).as("worst |difference| at 85 and above").isLessThan(3.5);
    }

    private static double meanDiff(List<Pair> pairs) {
        return pairs.stream().mapToDouble(p -> Math.abs(p.ours() - p.reference())).average().orElseThrow();
    }

    private static double worstDiff(List<Pair> pairs) {
        return pairs.stream().mapToDouble(p -> Math.abs(p.ours() - p.reference())).max().orElseThrow();
    }

    static Ssimulacra2.Rgb read(String name) throws IOException {
        BufferedImage image;
        try (InputStream in = Ssimulacra2Test.class.getResourceAsStream(DATA + name)) {
            image = ImageIO.read(in);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] pixels = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int i = (y * w + x) * 3;
                pixels[i] = (byte) (rgb >> 16);
                pixels[i + 1] = (byte) (rgb >> 8);
                pixels[i + 2] = (byte) rgb;
            }
        }
        return new Ssimulacra2.Rgb(w, h, pixels);
    }
}
