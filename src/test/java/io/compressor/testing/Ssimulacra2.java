package io.compressor.testing;

/// SSIMULACRA 2, a perceptual score of a distorted image against its reference (100 identical, 90 visually lossless,
/// 70 high, 50 medium, 30 low quality), written from the published description of the reference tool (libjxl v0.8.2
/// `tools/ssimulacra2`) kept with its reference scores in `src/test/resources/ssimulacra2/`. The engine never uses it:
/// it scores what the engine's own SSIM search produced, as an independent judge for tests and benchmarks.
public final class Ssimulacra2 {
    private static final int SCALES = 6;
    private static final double BIAS = 0.0037930732552754493;
    private static final double CBRT_BIAS = Math.cbrt(BIAS);
    private static final double C2 = 0.0009;
    /// The blur's impulse response, a 9-tap approximation of a Gaussian of sigma 1.5; index 4 is the centre.
    private static final double[] KERNEL = {0.009414367809653712, 0.036011114658364346, 0.10933537277746025,
        0.21292859201042208, 0.26462110548819834, 0.21292859201042208, 0.10933537277746025, 0.036011114658364346,
        0.009414367809653712};
    private static final float[] FLOAT_KERNEL = new float[KERNEL.length];
    private static final float K0 = (float) KERNEL[0];
    private static final float K1 = (float) KERNEL[1];
    private static final float K2 = (float) KERNEL[2];
    private static final float K3 = (float) KERNEL[3];
    private static final float K4 = (float) KERNEL[4];
    /// Per channel (X, Y, B), per scale, per norm (1, 4): SSIM, artifacts, lost detail.
    private static final double[] WEIGHTS = {0.0, 0.0, 0.0, 1.0035479352512353, 0.00011322061110474735,
        0.00040442991823685936, 0.0018953834105783773, 0.0, 0.0, 8.982542997575905, 0.9899785796045556, 0.0,
        0.9748315131207942, 0.9581575169937973, 0.0, 0.5133611777952946, 1.0423189317331243, 0.000308010928520841,
        12.149584966240063, 0.9565577248115467, 0.0, 1.0406668123136824, 81.51139046057362, 0.30593391895330946,
        1.0752214433626779, 1.1039042369464611, 0.0, 1.021911638819618, 1.1141823296855722, 0.9730845751441705, 0.0, 0.0,
        0.0, 0.9833918426095505, 0.7920385137059867, 0.9710740411514053, 0.0, 0.0, 0.0, 0.5387077903152638, 0.0,
        3.4036945601155804, 0.0, 0.0, 0.0, 2.337569295661117, 0.0, 5.707946510901609, 37.83086423878157, 0.0, 0.0,
        3.8258200594305185, 0.0, 0.0, 24.073659674271497, 0.0, 0.0, 13.181871265286068, 0.0, 0.0, 0.0, 0.0, 0.0,
        10.00750121262895, 0.0, 0.0, 0.0, 0.0, 0.0, 52.51428385603891, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        0.0, 0.0, 0.0, 0.0, 0.0, 0.9946464267894417, 0.0, 0.0, 0.0006040447715934816, 0.0, 0.0, 0.9945171491374072, 0.0,
        2.8260043809454376, 1.0052642766534516, 8.201441997546244e-05, 12.154041855876695, 32.292928706201266,
        0.992837130387521, 0.0, 30.71925517844603, 0.00012309907022278743, 0.0, 0.9826260237051734, 0.0, 0.0,
        0.9980928367837651, 0.012142430067163312};
    private static final double[] TO_LINEAR = new double[256];

    static {
        for (int i = 0; i < KERNEL.length; i++) {
            FLOAT_KERNEL[i] = (float) KERNEL[i];
        }
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            TO_LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Ssimulacra2() {}

    /// 8-bit sRGB pixels, three bytes per pixel, row by row.
    public record Rgb(int width, int height, byte[] pixels) {
        public Rgb {
            if (pixels.length != width * height * 3) {
                throw new IllegalArgumentException(width + "x" + height + " RGB needs " + width * height * 3 + " bytes");
            }
        }
    }

    /// A plane image of three channels.
    private record Planes(int width, int height, float[][] channels) {
        static Planes of(int width, int height) {
            return new Planes(width, height, new float[][] {new float[width * height], new float[width * height],
                new float[width * height]});
        }
    }

    /// One scale of a reference: its XYB planes, and per channel their blur and the blur of their squares.
    private record Scale(Planes xyb, float[][] mu, float[][] squares) {}

    /// A reference image prepared once (its scales, in XYB, with their blurs), to score any number of candidates.
    public static final class Reference {
        private final int width;
        private final int height;
        private final java.util.List<Scale> scales = new java.util.ArrayList<>();

        private Reference(Rgb image) {
            width = image.width();
            height = image.height();
            Planes linear = linear(image);
            for (int scale = 0; scale < SCALES; scale++) {
                if (scale > 0) {
                    linear = half(linear);
                }
                if (linear.width() < 8 || linear.height() < 8) {
                    break;
                }
                Planes xyb = xyb(linear);
                float[][] mu = new float[3][];
                float[][] squares = new float[3][];
                for (int c = 0; c < 3; c++) {
                    float[] plane = xyb.channels()[c];
                    mu[c] = blur(plane, linear.width(), linear.height());
                    squares[c] = blur(product(plane, plane), linear.width(), linear.height());
                }
                scales.add(new Scale(xyb, mu, squares));
            }
        }

        /// The score of `distorted` against this reference; both the same size.
        public double score(Rgb distorted) {
            if (distorted.width() != width || distorted.height() != height) {
                throw new IllegalArgumentException("the images differ in size");
            }
            Planes linear = linear(distorted);
            Scratch scratch = new Scratch(width * height);
            double sum = 0;
            for (int scale = 0; scale < scales.size(); scale++) {
                if (scale > 0) {
                    linear = half(linear);
                }
                Scale reference = scales.get(scale);
                Planes xyb = xyb(linear);
                for (int c = 0; c < 3; c++) {
                    double[] terms = terms(reference, c, xyb.channels()[c], linear.width(), linear.height(), scratch);
                    for (int n = 0; n < 2; n++) {
                        for (int k = 0; k < 3; k++) {
                            sum += WEIGHTS[((c * SCALES + scale) * 2 + n) * 3 + k] * terms[n * 3 + k];
                        }
                    }
                }
            }
            double t = sum * 17.829717797575952 - 1.634169143917183;
            return t > 0 ? 100 - 10 * Math.pow(t, 0.5453261009510213) : 100;
        }
    }

    /// `image` prepared as a reference.
    public static Reference reference(Rgb image) {
        return new Reference(image);
    }

    /// The score of `distorted` against `reference`, both the same size.
    public static double score(Rgb reference, Rgb distorted) {
        return reference(reference).score(distorted);
    }

    private static Planes linear(Rgb image) {
        Planes out = Planes.of(image.width(), image.height());
        byte[] p = image.pixels();
        for (int i = 0; i < image.width() * image.height(); i++) {
            for (int c = 0; c < 3; c++) {
                out.channels()[c][i] = (float) TO_LINEAR[p[i * 3 + c] & 0xff];
            }
        }
        return out;
    }

    /// Averages 2×2 blocks; at odd sizes the last row and column repeat.
    private static Planes half(Planes in) {
        int w = (in.width() + 1) / 2;
        int h = (in.height() + 1) / 2;
        Planes out = Planes.of(w, h);
        for (int c = 0; c < 3; c++) {
            float[] src = in.channels()[c];
            float[] dst = out.channels()[c];
            for (int y = 0; y < h; y++) {
                int y0 = 2 * y;
                int y1 = Math.min(2 * y + 1, in.height() - 1);
                for (int x = 0; x < w; x++) {
                    int x0 = 2 * x;
                    int x1 = Math.min(2 * x + 1, in.width() - 1);
                    dst[y * w + x] = (src[y0 * in.width() + x0] + src[y0 * in.width() + x1] + src[y1 * in.width() + x0]
                            + src[y1 * in.width() + x1]) / 4;
                }
            }
        }
        return out;
    }

    /// Linear RGB to XYB, shifted to be non-negative.
    private static Planes xyb(Planes rgb) {
        Planes out = Planes.of(rgb.width(), rgb.height());
        float[] r = rgb.channels()[0];
        float[] g = rgb.channels()[1];
        float[] b = rgb.channels()[2];
        for (int i = 0; i < rgb.width() * rgb.height(); i++) {
            double l = Math.cbrt(Math.max(0, 0.30 * r[i] + 0.622 * g[i] + 0.078 * b[i] + BIAS)) - CBRT_BIAS;
            double m = Math.cbrt(Math.max(0, 0.23 * r[i] + 0.692 * g[i] + 0.078 * b[i] + BIAS)) - CBRT_BIAS;
            double s = Math.cbrt(Math.max(0, 0.24342268924547819 * r[i] + 0.20476744424496821 * g[i]
                    + 0.55180986650955360 * b[i] + BIAS)) - CBRT_BIAS;
            double x = (l - m) / 2;
            double y = (l + m) / 2;
            out.channels()[0][i] = (float) (x + 0.5);
            out.channels()[1][i] = (float) (y + 0.05);
            out.channels()[2][i] = (float) (s - y + 1.1);
        }
        return out;
    }

    /// For one channel at one scale: mean then 4-norm of the SSIM map, of the artifacts, of the lost detail.
    private static double[] terms(Scale reference, int channel, float[] img2, int w, int h, Scratch scratch) {
        float[] img1 = reference.xyb().channels()[channel];
        float[] mu1 = reference.mu()[channel];
        float[] s11 = reference.squares()[channel];
        float[] mu2 = blur(img2, w, h, scratch.rows(), scratch.mu2());
        float[] s22 = blur(product(img2, img2, w * h, scratch.product()), w, h, scratch.rows(), scratch.s22());
        float[] s12 = blur(product(img1, img2, w * h, scratch.product()), w, h, scratch.rows(), scratch.s12());
        double[] sums = new double[6];
        for (int i = 0; i < w * h; i++) {
            double m1 = mu1[i];
            double m2 = mu2[i];
            double numerator = 2 * (s12[i] - m1 * m2) + C2;
            double denominator = (s11[i] - m1 * m1) + (s22[i] - m2 * m2) + C2;
            double d = Math.max(0, 1 - (1 - (m1 - m2) * (m1 - m2)) * numerator / denominator);
            double e = (1 + Math.abs(img2[i] - m2)) / (1 + Math.abs(img1[i] - m1)) - 1;
            double artifact = Math.max(e, 0);
            double lost = Math.max(-e, 0);
            sums[0] += d;
            sums[1] += artifact;
            sums[2] += lost;
            sums[3] += d * d * d * d;
            sums[4] += artifact * artifact * artifact * artifact;
            sums[5] += lost * lost * lost * lost;
        }
        double n = (double) w * h;
        return new double[] {sums[0] / n, sums[1] / n, sums[2] / n, Math.sqrt(Math.sqrt(sums[3] / n)),
            Math.sqrt(Math.sqrt(sums[4] / n)), Math.sqrt(Math.sqrt(sums[5] / n))};
    }

    private static float[] product(float[] a, float[] b) {
        return product(a, b, a.length, new float[a.length]);
    }

    /// The first `n` products of `a` and `b`, into `out`.
    private static float[] product(float[] a, float[] b, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    /// The planes one score reuses for every channel and scale (each scale uses the start of them).
    private record Scratch(float[] rows, float[] product, float[] mu2, float[] s22, float[] s12) {
        Scratch(int pixels) {
            this(new float[pixels], new float[pixels], new float[pixels], new float[pixels], new float[pixels]);
        }
    }

    /// The kernel along rows then columns, zero outside the image: each output is written once, its nine products
    /// summed in a register in the kernel's order (the same sums, in the same order, as adding each tap's plane in
    /// turn, at two thirds of the time: `Ssimulacra2Test` holds the scores).
    private static float[] blur(float[] in, int w, int h) {
        return blur(in, w, h, new float[w * h], new float[w * h]);
    }

    /// As `blur(in, w, h)`, into `out`, with `rows` for the pass along rows: both hold at least `w × h` values, and
    /// are reused across calls (a plane of a megapixel is a humongous allocation for the JVM's collector).
    private static float[] blur(float[] in, int w, int h, float[] rows, float[] out) {
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < Math.min(4, w); x++) {
                rows[row + x] = edgeOfRow(in, row, x, w);
            }
            for (int i = row + 4; i < row + w - 4; i++) {
                float sum = 0f;
                sum += K0 * in[i - 4];
                sum += K1 * in[i - 3];
                sum += K2 * in[i - 2];
                sum += K3 * in[i - 1];
                sum += K4 * in[i];
                sum += K3 * in[i + 1];
                sum += K2 * in[i + 2];
                sum += K1 * in[i + 3];
                sum += K0 * in[i + 4];
                rows[i] = sum;
            }
            for (int x = Math.max(4, w - 4); x < w; x++) {
                rows[row + x] = edgeOfRow(in, row, x, w);
            }
        }
        for (int y = 0; y < h; y++) {
            int row = y * w;
            if (y >= 4 && y < h - 4) {
                for (int x = 0; x < w; x++) {
                    int i = row + x;
                    float sum = 0f;
                    sum += K0 * rows[i - 4 * w];
                    sum += K1 * rows[i - 3 * w];
                    sum += K2 * rows[i - 2 * w];
                    sum += K3 * rows[i - w];
                    sum += K4 * rows[i];
                    sum += K3 * rows[i + w];
                    sum += K2 * rows[i + 2 * w];
                    sum += K1 * rows[i + 3 * w];
                    sum += K0 * rows[i + 4 * w];
                    out[i] = sum;
                }
            } else {
                for (int x = 0; x < w; x++) {
                    float sum = 0f;
                    for (int k = Math.max(0, 4 - y); k < Math.min(9, h + 4 - y); k++) {
                        sum += FLOAT_KERNEL[k] * rows[(y + k - 4) * w + x];
                    }
                    out[row + x] = sum;
                }
            }
        }
        return out;
    }

    /// The kernel along a row at `x`, within four pixels of the row's ends: what falls outside counts as zero.
    private static float edgeOfRow(float[] in, int row, int x, int w) {
        float sum = 0f;
        for (int k = Math.max(0, 4 - x); k < Math.min(9, w + 4 - x); k++) {
            sum += FLOAT_KERNEL[k] * in[row + x + k - 4];
        }
        return sum;
    }
}
