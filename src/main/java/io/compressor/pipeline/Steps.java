package io.compressor.pipeline;

import io.compressor.vips.Blob;
import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/// The processing order, written once. Loading (`load`) comes first and does three things at once:
/// shrink-on-load to the planned size, auto-orient, and convert to sRGB through the embedded profile.
/// The steps after it each do one thing; their order is the list in `ALL`.
final class Steps {
    /// What every step may read about the job at hand.
    record Job(ImageInfo info, Geometry geometry, ProcessOptions options, ImageFormat target, boolean animated) {}

    @FunctionalInterface
    interface Step {
        VImage apply(VImage image, Job job);
    }

    static final List<Step> ALL = List.of(
            Steps::crop,      // the crop region is in upright, scaled pixels, so it comes after the load
            Steps::pad,       // fill: place the scaled image on its canvas
            Steps::flatten,   // a target without alpha: blend onto the background before the channel is dropped
            Steps::eightBit,  // web formats carry 8 bits per sample
            Steps::metadata); // last, so that no later step brings a field back

    private Steps() {}

    /// Shrink-on-load, auto-orient and sRGB in one libvips call. All frames are loaded only when the
    /// output will animate; a still output takes the first frame.
    static VImage load(Scope scope, Blob input, Job job) {
        return plainJpeg(job) ? loadJpeg(scope, input, job) : thumbnail(scope, input, job);
    }

    /// A JPEG that needs no colour transform: libvips' thumbnail does nothing here that a shrinking load,
    /// an upright load and one resize do not, and measured about 10% slower (docs/performance.md).
    private static boolean plainJpeg(Job job) {
        return job.info().format() == ImageFormat.JPEG && !job.info().cmyk() && !job.info().icc();
    }

    private static VImage loadJpeg(Scope scope, Blob input, Job job) {
        Geometry g = job.geometry();
        double factor = Math.min((double) g.orientedWidth() / g.scaledWidth(), (double) g.orientedHeight() / g.scaledHeight());
        int shrink = factor >= 8 ? 8 : factor >= 4 ? 4 : factor >= 2 ? 2 : 1;
        VImage image = scope.image("jpegload_buffer", Map.of("buffer", input, "shrink", shrink, "autorotate", true,
                "fail_on", "truncated", "access", "sequential"));
        if (image.width() == g.scaledWidth() && image.height() == g.scaledHeight()) {
            return image;
        }
        return image.apply("resize", Map.of("scale", (double) g.scaledWidth() / image.width(),
                "vscale", (double) g.scaledHeight() / image.height()));
    }

    private static VImage thumbnail(Scope scope, Blob input, Job job) {
        Map<String, Object> options = new HashMap<>();
        options.put("buffer", input);
        options.put("width", job.geometry().scaledWidth());
        options.put("height", job.geometry().scaledHeight());
        options.put("size", "force");
        options.put("option_string", "fail_on=truncated" + (job.animated() ? ",n=-1" : ""));
        // Only an embedded profile needs a transform; without one libvips' sRGB-to-sRGB transform would
        // shift white to (250, 253, 253). CMYK always becomes sRGB (libvips' built-in CMYK profile when it has
        // none); a kept profile stays with untouched RGB pixels, or is the sRGB profile for a CMYK input.
        if (job.info().icc() && (!job.options().keeps(MetadataKind.ICC) || job.info().cmyk())) {
            options.put("export_profile", "srgb");
        }
        return scope.image("thumbnail_buffer", options);
    }

    static VImage crop(VImage image, Job job) {
        return job.geometry().crop().map(region -> eachFrame(image, job, frame ->
                job.geometry().gravity() == Gravity.SMART
                        ? frame.copyMemory().apply("smartcrop", Map.of("width", region.width(), "height", region.height(),
                                "interesting", "attention"))
                        : frame.apply("extract_area", Map.of("left", region.left(), "top", region.top(),
                                "width", region.width(), "height", region.height())))).orElse(image);
    }

    static VImage pad(VImage image, Job job) {
        return job.geometry().pad().map(canvas -> {
            Color bg = job.options().resize().orElseThrow().background();
            VImage source = bg.opaque() || hasAlpha(image) || !Formats.hasAlpha(job.target()) ? image
                    : image.apply("bandjoin_const", Map.of("c", new double[] {255}));
            double[] background = hasAlpha(source) ? new double[] {bg.red(), bg.green(), bg.blue(), bg.alpha()}
                    : new double[] {bg.red(), bg.green(), bg.blue()};
            return eachFrame(source, job, frame -> frame.apply("embed", Map.of("x", canvas.left(), "y", canvas.top(),
                    "width", canvas.width(), "height", canvas.height(), "extend", "background",
                    "background", bands(background, frame.bands()))));
        }).orElse(image);
    }

    static VImage flatten(VImage image, Job job) {
        if (Formats.hasAlpha(job.target()) || !hasAlpha(image)) {
            return image;
        }
        Color bg = job.options().resize().map(Resize::background).orElse(Color.WHITE);
        return image.apply("flatten", Map.of("background", new double[] {bg.red(), bg.green(), bg.blue()}));
    }

    static VImage eightBit(VImage image, Job job) {
        if ("uchar".equals(image.header("format").orElse("uchar"))) {
            return image;
        }
        VImage converted = image.apply("colourspace", Map.of("space", image.bands() <= 2 ? "b-w" : "srgb"));
        return "uchar".equals(converted.header("format").orElse("")) ? converted
                : converted.apply("cast", Map.of("format", "uchar"));
    }

    /// Removes what is not kept from the image itself: savers' `strip` alone is not enough, since
    /// libvips 8.14's webpsave ignores it and writes ICC and EXIF anyway.
    static VImage metadata(VImage image, Job job) {
        return Metadata.keepListed(image, job.options());
    }

    static boolean hasAlpha(VImage image) {
        int bands = image.bands();
        return bands == 2 || bands == 4 && !"cmyk".equals(image.header("interpretation").orElse(""));
    }

    private static double[] bands(double[] background, int bands) {
        if (bands == background.length) {
            return background;
        }
        if (bands <= 2) {
            double grey = (background[0] + background[1] + background[2]) / 3;
            return bands == 1 ? new double[] {grey} : new double[] {grey, background.length > 3 ? background[3] : 255};
        }
        return java.util.Arrays.copyOf(background, bands);
    }

    /// Applies `step` to every frame of an animation (frames stacked vertically, `page-height` high),
    /// or to the image itself when it is still.
    static VImage eachFrame(VImage image, Job job, UnaryOperator<VImage> step) {
        int pageHeight = image.intHeader("page-height", image.height());
        int frames = image.height() / Math.max(1, pageHeight);
        if (!job.animated() || frames <= 1) {
            return step.apply(image);
        }
        List<VImage> done = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            done.add(step.apply(image.apply("extract_area", Map.of("left", 0, "top", i * pageHeight,
                    "width", image.width(), "height", pageHeight))));
        }
        VImage joined = done.getFirst().scope().image("arrayjoin", Map.of("in", done.toArray(VImage[]::new), "across", 1));
        return joined.withHeader("page-height", done.getFirst().height());
    }
}
