package io.compressor.pipeline;

import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import java.util.Map;
import java.util.function.Supplier;

/// How close an encoded image looks to the image it was encoded from: SSIM (`Ssim`) on luma (BT.601) at the output
/// size, both sides scaled down to about a megapixel first when larger. Transparent images are seen as a
/// browser shows them on white, so that invisible pixels (which lossy encoders may change) do not count.
final class Fidelity {
    static final long MAX_PIXELS = 1_000_000;

    /// A luma plane, row by row.
    record Plane(byte[] luma, int width, int height) {}

    private final Plane reference;
    private final Supplier<Scope> scopes;

    /// `image`: the pixels the encoder is given, rendered in memory; `scopes` gives each score its own native
    /// scope, so that a decoded candidate is freed before the next is made.
    Fidelity(VImage image, Supplier<Scope> scopes) {
        this.reference = plane(image);
        this.scopes = scopes;
    }

    double score(byte[] encoded, ImageFormat format) {
        Plane candidate;
        try (Scope scope = scopes.get()) {
            candidate = plane(scope.image(Sniff.loader(format), Map.of("buffer", scope.blob(encoded), "access", "sequential")));
        }
        if (candidate.width() != reference.width() || candidate.height() != reference.height()) {
            throw new IllegalStateException("decoded " + candidate.width() + "×" + candidate.height() + ", expected "
                    + reference.width() + "×" + reference.height());
        }
        return Ssim.score(reference.luma(), candidate.luma(), reference.width(), reference.height());
    }

    static Plane plane(VImage image) {
        VImage seen = Steps.hasAlpha(image)
                ? image.apply("flatten", Map.of("background", new double[] {255, 255, 255})) : image;
        long pixels = (long) seen.width() * seen.height();
        if (pixels > MAX_PIXELS) {
            seen = seen.apply("resize", Map.of("scale", Math.sqrt((double) MAX_PIXELS / pixels)));
        }
        if (!"uchar".equals(seen.header("format").orElse("uchar"))) {
            seen = seen.apply("cast", Map.of("format", "uchar"));
        }
        byte[] data = seen.pixels();
        int bands = seen.bands();
        if (bands == 1) {
            return new Plane(data, seen.width(), seen.height());
        }
        // BT.601 luma, as JPEG and ffmpeg define Y, from the first three bands
        byte[] luma = new byte[seen.width() * seen.height()];
        for (int i = 0, p = 0; i < luma.length; i++, p += bands) {
            luma[i] = (byte) ((19595 * (data[p] & 0xff) + 38470 * (data[p + 1] & 0xff) + 7471 * (data[p + 2] & 0xff)
                    + 32768) >> 16);
        }
        return new Plane(luma, seen.width(), seen.height());
    }
}
