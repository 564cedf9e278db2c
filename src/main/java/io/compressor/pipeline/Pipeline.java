package io.compressor.pipeline;

import io.compressor.vips.Blob;
import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/// One image through the engine: probe and limits, plan, load, the steps, encode, and the rule that
/// an output is never larger than its input when the client asked for no change it would need.
public final class Pipeline {
    private final Vips vips;
    private final Probe probe;
    private final Duration searchTime;
    private final Codecs codecs;
    private final EncoderSettings settings;

    public Pipeline(Vips vips, Limits limits) {
        this.vips = vips;
        this.probe = new Probe(limits);
        this.searchTime = limits.searchTime();
        this.codecs = Codecs.detect(vips);
        this.settings = new EncoderSettings(codecs);
    }

    /// Starts libvips (once per process) and returns an engine over it.
    public static Pipeline start(EngineConfig config) {
        return new Pipeline(Vips.start(new VipsConfig(config.vipsLibrary(), config.vipsThreads())), config.limits());
    }

    /// The libvips version in use, for logs and `/health`.
    public String engineVersion() {
        return "libvips " + vips.version() + (codecs.mozjpeg() ? " (mozjpeg)" : "") + ", " + vips.threads()
                + " threads per image";
    }

    /// Processes bytes already on the heap, copied once into native memory.
    public Result process(byte[] input, ProcessOptions options) {
        probe.checkSize(input.length);
        try (Scope scope = vips.scope()) {
            return process(scope, scope.blob(input), options);
        }
    }

    /// Processes `size` bytes read from `input`, which go straight to native memory, never whole to the heap.
    public Result process(java.io.InputStream input, long size, ProcessOptions options) {
        probe.checkSize(size);
        try (Scope scope = vips.scope()) {
            Blob blob;
            try {
                blob = scope.blob(input, size);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the input", e);
            }
            return process(scope, blob, options);
        }
    }

    private Result process(Scope scope, Blob blob, ProcessOptions options) {
        ImageInfo info = probe.probe(scope, blob);
        Geometry geometry = Planner.plan(info.width(), info.height(), info.orientation(), options.resize());
        Result best = null;
        for (ImageFormat target : Formats.candidates(options.format(), info)) {
            Result candidate = encode(scope, blob, new Steps.Job(info, geometry, options, target,
                    info.animated() && target.animates()));
            if (best == null || candidate.bytes().length < best.bytes().length) {
                best = candidate;
            }
        }
        return neverLarger(blob, info, geometry, best);
    }

    private Result encode(Scope scope, Blob blob, Steps.Job job) {
        VImage image = Steps.load(scope, blob, job);
        for (Steps.Step step : Steps.ALL) {
            image = step.apply(image, job);
        }
        int height = job.animated() ? image.intHeader("page-height", image.height()) : image.height();
        ProcessOptions options = job.options();
        if (!EncoderSettings.searched(job.target(), options.compression(), options.quality(), job.animated())) {
            return new Result(save(image, job, settings.options(job.target(), options.compression(), options.quality())),
                    job.target(), image.width(), height, job.info(), false, null);
        }
        return searched(image.copyMemory(), job, height); // encoded several times: decode and resize once
    }

    /// The output whose quality the level's goal chooses (`QualitySearch`), probed cheaply, then encoded for good.
    private Result searched(VImage pixels, Steps.Job job, int height) {
        Compression level = job.options().compression();
        ImageFormat format = job.target();
        Fidelity fidelity = new Fidelity(pixels, vips::scope);
        QualitySearch.Goal goal = EncoderSettings.goal(level);
        double pixelCount = (double) pixels.width() * pixels.height();
        QualitySearch.Range range = EncoderSettings.range(format, level);
        long deadline = System.nanoTime() + searchTime.toNanos();
        BooleanSupplier timeLeft = () -> System.nanoTime() - deadline < 0;
        QualitySearch.Found found = QualitySearch.run(q -> {
            byte[] probe = save(pixels, job, settings.probeOptions(format, level, q));
            return new QualitySearch.Probe(fidelity.score(probe, format), probe.length * 8 / pixelCount);
        }, goal, range, timeLeft);
        if (format == ImageFormat.PNG && !found.met() && found.score() < EncoderSettings.paletteMinimum(level)) {
            // as pngquant --quality min-max: a palette that cannot look right gives way to the lossless image
            byte[] lossless = save(pixels, job, settings.options(format, Compression.LOSSLESS, OptionalInt.empty()));
            return new Result(lossless, format, pixels.width(), height, job.info(), false, new Quality(100, 1.0, goal.floor()));
        }
        int quality = found.quality();
        byte[] bytes = save(pixels, job, settings.options(format, level, OptionalInt.of(quality)));
        double score = settings.probeIsExact(format) ? found.score() : fidelity.score(bytes, format);
        for (int nudge = 0; found.met() && score < goal.floor() && quality < range.max() && nudge < 2 && timeLeft.getAsBoolean();
                nudge++) {
            // the final effort scored below the probe's: a little more quality keeps the promise
            quality = Math.min(range.max(), quality + 2);
            bytes = save(pixels, job, settings.options(format, level, OptionalInt.of(quality)));
            score = fidelity.score(bytes, format);
        }
        return new Result(bytes, format, pixels.width(), height, job.info(), false, new Quality(quality, score, goal.floor()));
    }

    private byte[] save(VImage image, Steps.Job job, Map<String, Object> encoderOptions) {
        Map<String, Object> saveOptions = new java.util.HashMap<>(encoderOptions);
        saveOptions.put("strip", Metadata.stripAll(job.options()));
        byte[] bytes = image.save(EncoderSettings.saver(job.target()), saveOptions);
        return job.target() == ImageFormat.WEBP ? Metadata.stripWebp(bytes, job.options()) : bytes;
    }

    /// The SSIM score (`Ssim`, on luma, at about a megapixel at most) of `candidate` against `original`,
    /// two encoded images of the same size: how the engine judges its outputs, for benchmarks and tests.
    public double similarity(byte[] original, byte[] candidate) {
        ImageFormat format = Sniff.format(candidate).orElseThrow(() -> new IllegalArgumentException("not an image"));
        try (Scope scope = vips.scope()) {
            VImage reference = scope.image(Sniff.loader(Sniff.format(original).orElseThrow(() ->
                    new IllegalArgumentException("not an image"))), Map.of("buffer", scope.blob(original)));
            return new Fidelity(reference, vips::scope).score(candidate, format);
        }
    }

    /// Same format and no change of size asked: the input itself when re-encoding did not make it smaller.
    private static Result neverLarger(Blob input, ImageInfo info, Geometry geometry, Result encoded) {
        boolean sameImage = encoded.format() == info.format() && !geometry.changesSize();
        if (sameImage && encoded.bytes().length >= input.size()) {
            return new Result(input.toArray(), info.format(), geometry.orientedWidth(), geometry.orientedHeight(), info, true,
                    null);
        }
        return encoded;
    }
}
