package io.compressor.pipeline;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.vips.Blob;
import io.compressor.vips.Cancellation;
import io.compressor.vips.HeldBytes;
import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;

/// One image through the engine: probe and limits, plan, load, the steps, encode, and the rule that
/// an output is never larger than its input when the client asked for no change it would need.
public final class Pipeline {
    /// How far into a JPEG its quantisation tables are looked for: past any EXIF, XMP and ICC segments of a camera file.
    private static final int SOURCE_TABLES_WITHIN = 1 << 20;
    private final List<VipsBuild> builds;
    private final Probe probe;
    private final Duration searchTime;
    private final ProcessingDeadline deadline;
    private final ProcessingMemory memory;

    /// One image's run: the build it runs on, and the cancellation that stops its libvips work at the deadline.
    private record Run(VipsBuild build, Cancellation cancellation) {
        /// A new scope of the build, stopped with the rest of the run's work.
        Scope scope() {
            return cancellation.track(build.vips().scope());
        }
    }

    /// Where the input's bytes come from into a scope's native memory.
    private interface Source {
        Blob blob(Scope scope) throws IOException;
    }

    public Pipeline(Vips vips, Limits limits) {
        this(List.of(vips), limits);
    }

    /// An engine over several libvips builds, in order of preference: each image runs on the first that reads its format.
    public Pipeline(List<Vips> builds, Limits limits) {
        this(builds, limits, ProcessingMemory.DEFAULT_BYTES);
    }

    /// An engine whose images in progress hold at most `memoryBytes` of native memory together (`ProcessingMemory`).
    public Pipeline(List<Vips> builds, Limits limits, long memoryBytes) {
        if (builds.isEmpty()) {
            throw new IllegalArgumentException("the engine needs at least one libvips");
        }
        this.builds = builds.stream().map(VipsBuild::open).toList();
        this.probe = new Probe(limits);
        this.searchTime = limits.searchTime();
        this.deadline = new ProcessingDeadline(limits.processingTime());
        this.memory = new ProcessingMemory(memoryBytes);
    }

    /// Starts the configured libvips builds (each once per process) and returns an engine over them.
    public static Pipeline start(EngineConfig config) {
        return new Pipeline(config.vipsLibraries().stream().map(library -> Vips.start(new VipsConfig(library,
                config.vipsThreads()))).toList(), config.limits(), config.processingMemory());
    }

    /// The libvips builds in use and what each runs, for logs and `/health`: `libvips 8.14.1, 4 threads per image`, or
    /// with several, `libvips 8.17.3 (mozjpeg) for JPEG, PNG, ...; libvips 8.14.1 for HEIC, BMP, ICO; 4 threads per image`.
    public String engineVersion() {
        List<String> parts = new ArrayList<>();
        Set<ImageFormat> taken = EnumSet.noneOf(ImageFormat.class);
        for (VipsBuild build : builds) {
            List<String> formats = build.reads().stream().filter(f -> !taken.contains(f)).sorted()
                    .map(f -> f.name()).toList();
            taken.addAll(build.reads());
            if (builds.size() == 1 || !formats.isEmpty()) {
                parts.add("libvips " + build.vips().version() + (build.codecs().mozjpeg() ? " (mozjpeg)" : "")
                        + (builds.size() == 1 ? "" : " for " + String.join(", ", formats)));
            }
        }
        return String.join("; ", parts) + (builds.size() == 1 ? ", " : "; ") + builds.getFirst().vips().threads()
                + " threads per image";
    }

    /// Processes bytes already on the heap, copied once into native memory.
    public Result process(byte[] input, ProcessOptions options) {
        probe.checkSize(input.length);
        ImageFormat format = Probe.sniff(input);
        return run(format, options, scope -> scope.blob(input));
    }

    /// Processes a file, read by the kernel straight into native memory (one copy, never through the heap).
    public Result process(java.nio.file.Path file, ProcessOptions options) throws IOException {
        probe.checkSize(java.nio.file.Files.size(file));
        try (HeldBytes input = HeldBytes.read(file)) {
            return process(input, options);
        }
    }

    /// Processes bytes the caller holds in native memory (a file read once, `HeldBytes.read`), where they are.
    public Result process(HeldBytes input, ProcessOptions options) {
        probe.checkSize(input.size());
        ImageFormat format = Probe.sniff(input.head(Probe.SNIFF_BYTES));
        return run(format, options, scope -> scope.blob(input));
    }

    /// Processes `size` bytes read from `input`, which go straight to native memory, never whole to the heap.
    public Result process(InputStream input, long size, ProcessOptions options) {
        probe.checkSize(size);
        try {
            BufferedInputStream buffered = new BufferedInputStream(input, Probe.SNIFF_BYTES);
            buffered.mark(Probe.SNIFF_BYTES);
            ImageFormat format = Probe.sniff(buffered.readNBytes(Probe.SNIFF_BYTES));
            buffered.reset();
            return run(format, options, scope -> scope.blob(buffered, size));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input", e);
        }
    }

    /// The input read into a scope of the build that reads `format`, then processed within the deadline, which
    /// starts once the bytes are in.
    private Result run(ImageFormat format, ProcessOptions options, Source source) {
        Run run = new Run(buildFor(format), new Cancellation());
        try (Scope scope = run.scope()) {
            Blob blob;
            try {
                blob = source.blob(scope);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the input", e);
            }
            return deadline.run(run.cancellation(), () -> process(run, scope, blob, format, options));
        } catch (OutOfMemoryError e) {
            // one allocation too large for the heap (a result is held there whole); what it held is garbage now
            throw new ServiceException(ErrorCode.IMAGE_TOO_LARGE, "The result of this image is larger than the memory"
                    + " this server keeps results in (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB of Java heap)."
                    + " Ask for a smaller size or a lossy format; the operator can give the server more"
                    + " (JDK_JAVA_OPTIONS=-Xmx...).");
        }
    }

    /// The first build that reads `format`.
    private VipsBuild buildFor(ImageFormat format) {
        for (VipsBuild build : builds) {
            if (build.reads().contains(format)) {
                return build;
            }
        }
        throw Probe.unreadable(format);
    }

    private Result process(Run run, Scope scope, Blob blob, ImageFormat sniffed, ProcessOptions options) {
        ImageInfo info = probe.probe(scope, blob, sniffed);
        Geometry geometry = Planner.plan(info.width(), info.height(), info.orientation(), options.resize());
        List<ImageFormat> targets = Formats.candidates(options.format(), info);
        int frames = info.animated() && targets.stream().anyMatch(ImageFormat::animates) ? info.frames() : 1;
        probe.checkPlan(geometry, frames);
        if (info.format() == ImageFormat.SVG) {
            probe.checkSvgRender(geometry, SvgText.usesFilters(blob.toArray()));
        }
        try (ProcessingMemory.Reservation held = reserve(run, ProcessingMemory.workingSet(blob.size(),
                (long) info.width() * info.height() * frames, (long) geometry.outputWidth() * geometry.outputHeight() * frames))) {
            Result best = null;
            for (ImageFormat target : targets) {
                Result candidate = encode(run, scope, blob, new Steps.Job(info, geometry, options, target,
                        info.animated() && target.animates()));
                if (best == null || candidate.bytes().length < best.bytes().length) {
                    best = candidate;
                }
            }
            return neverLarger(blob, info, geometry, options, best);
        }
    }

    /// `bytes` of the processing memory, waited for until the run's deadline.
    private ProcessingMemory.Reservation reserve(Run run, long bytes) {
        ProcessingMemory.Reservation held = memory.reserve(bytes, run.cancellation()::cancelled);
        if (held == null) {
            deadline.check(run.cancellation());
            throw new IllegalStateException("interrupted while waiting for processing memory");
        }
        return held;
    }

    private Result encode(Run run, Scope scope, Blob blob, Steps.Job job) {
        VipsBuild build = run.build();
        VImage image = Steps.load(scope, blob, job);
        for (Steps.Step step : Steps.ALL) {
            deadline.check(run.cancellation());
            image = step.apply(image, job);
        }
        deadline.check(run.cancellation());
        int height = job.animated() ? image.intHeader("page-height", image.height()) : image.height();
        ProcessOptions options = job.options();
        if (!EncoderSettings.searched(job.target(), options.compression(), options.quality(), job.animated())) {
            return new Result(save(build, image, job, build.settings().options(job.target(), options.compression(), options.quality())),
                    job.target(), image.width(), height, job.info(), false, null);
        }
        return searched(run, image.copyMemory(), job, height, sourceQuality(blob, job)); // decode and resize once
    }

    /// A JPEG kept as JPEG at its size: the quality it was saved at, which re-encoding above would only add bytes to.
    private static OptionalInt sourceQuality(Blob blob, Steps.Job job) {
        if (job.info().format() != ImageFormat.JPEG || job.target() != ImageFormat.JPEG || job.geometry().changesSize()) {
            return OptionalInt.empty();
        }
        return JpegQuality.estimate(blob.head((int) Math.min(blob.size(), SOURCE_TABLES_WITHIN)));
    }

    /// The output whose quality the level's goal chooses (`QualitySearch`), probed cheaply, then encoded for good.
    private Result searched(Run run, VImage pixels, Steps.Job job, int height, OptionalInt sourceQuality) {
        VipsBuild build = run.build();
        Compression level = job.options().compression();
        ImageFormat format = job.target();
        EncoderSettings settings = build.settings();
        Fidelity fidelity = new Fidelity(pixels, run::scope);
        QualitySearch.Goal goal = EncoderSettings.goal(level);
        double pixelCount = (double) pixels.width() * pixels.height();
        QualitySearch.Range full = EncoderSettings.range(format, level);
        QualitySearch.Range range = sourceQuality.isPresent() ? full.capped(sourceQuality.getAsInt()) : full;
        long searchEnd = System.nanoTime() + searchTime.toNanos();
        BooleanSupplier timeLeft = () -> System.nanoTime() - searchEnd < 0 && !run.cancellation().cancelled();
        QualitySearch.Found found = QualitySearch.run(q -> {
            byte[] probe = save(build, pixels, job, settings.probeOptions(format, level, q));
            return new QualitySearch.Trial(fidelity.score(probe, format), probe.length * 8 / pixelCount);
        }, goal, range, timeLeft);
        deadline.check(run.cancellation());
        if (format == ImageFormat.PNG && !found.met() && found.score() < EncoderSettings.paletteMinimum(level)) {
            // as pngquant --quality min-max: a palette that cannot look right gives way to the lossless image
            byte[] lossless = save(build, pixels, job, settings.options(format, Compression.LOSSLESS, OptionalInt.empty()));
            return new Result(lossless, format, pixels.width(), height, job.info(), false, new Quality(100, 1.0, goal.floor()));
        }
        int quality = found.quality();
        byte[] bytes = save(build, pixels, job, settings.options(format, level, OptionalInt.of(quality)));
        double score = settings.probeIsExact(format) ? found.score() : fidelity.score(bytes, format);
        for (int nudge = 0; found.met() && score < goal.floor() && quality < range.max() && nudge < 2 && timeLeft.getAsBoolean();
                nudge++) {
            // the final effort scored below the probe's: a little more quality keeps the promise
            quality = Math.min(range.max(), quality + 2);
            bytes = save(build, pixels, job, settings.options(format, level, OptionalInt.of(quality)));
            score = fidelity.score(bytes, format);
        }
        return new Result(bytes, format, pixels.width(), height, job.info(), false, new Quality(quality, score, goal.floor()));
    }

    private static byte[] save(VipsBuild build, VImage image, Steps.Job job, Map<String, Object> encoderOptions) {
        Map<String, Object> saveOptions = new java.util.HashMap<>(encoderOptions);
        saveOptions.putAll(Metadata.saverOptions(job.options(), build.codecs()));
        byte[] bytes = image.save(EncoderSettings.saver(job.target()), saveOptions);
        return Metadata.stripOutput(bytes, job.target(), job.options());
    }

    /// The SSIM score (`Ssim`, on luma, at about a megapixel at most) of `candidate` against `original`,
    /// two encoded images of the same size: how the engine judges its outputs, for benchmarks and tests.
    public double similarity(byte[] original, byte[] candidate) {
        ImageFormat format = Sniff.format(candidate).orElseThrow(() -> new IllegalArgumentException("not an image"));
        ImageFormat originalFormat = Sniff.format(original).orElseThrow(() -> new IllegalArgumentException("not an image"));
        VipsBuild build = buildFor(originalFormat);
        try (Scope scope = build.vips().scope()) {
            VImage reference = scope.image(Sniff.loader(originalFormat), Map.of("buffer", scope.blob(original)));
            return new Fidelity(reference, build.vips()::scope).score(candidate, format);
        }
    }

    /// Same format and no change of size asked: the input itself when re-encoding did not make it smaller, with what
    /// `metadata` does not keep removed (`Metadata.strippedInput`); the encoded output when that cannot be done.
    private static Result neverLarger(Blob input, ImageInfo info, Geometry geometry, ProcessOptions options, Result encoded) {
        boolean sameImage = encoded.format() == info.format() && !geometry.changesSize();
        if (!sameImage || encoded.bytes().length < input.size()) {
            return encoded;
        }
        return Metadata.strippedInput(input.toArray(), info, options)
                .map(bytes -> new Result(bytes, info.format(), geometry.orientedWidth(), geometry.orientedHeight(), info,
                        bytes.length == input.size(), null))
                .orElse(encoded);
    }
}
