package io.compressor.app;

import io.compressor.pipeline.Color;
import io.compressor.pipeline.Compression;
import io.compressor.pipeline.Gravity;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Resize;
import io.compressor.pipeline.ResizeMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `compressor optimize FILE|DIR…`: the engine on local files, in parallel, with a line per file and
/// a total. Inputs are never overwritten unless `--in-place` is given; failures name the file and why.
@Command(name = "optimize", description = "Optimize image files locally, without the server.")
final class OptimizeCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Images, or folders searched for images")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: ./optimized)")
    Path out;

    @Option(names = "--in-place", description = "Replace each input by its result (same format only)")
    boolean inPlace;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, jpeg, png, webp, avif, gif or smallest (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--resize", paramLabel = "WxH", description = "Box to resize into, e.g. 640x480, 640x or x480")
    String resize;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto", description = "auto, fit, fill, exact or crop")
    String mode;

    @Option(names = "--gravity", paramLabel = "GRAVITY", defaultValue = "center", description = "center, top, ..., smart")
    String gravity;

    @Option(names = "--compression", paramLabel = "LEVEL", defaultValue = "high",
            description = "medium, high, ultra or lossless (default: ${DEFAULT-VALUE})")
    String compression;

    @Option(names = "--quality", paramLabel = "N", description = "Fixed encoder quality 1-100")
    Integer quality;

    @Option(names = "--jobs", paramLabel = "N", description = "Files processed at once (default: one per core)")
    Integer jobs;

    OptimizeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        ProcessOptions options = options();
        List<LocalFiles.Task> tasks = LocalFiles.tasks(inputs, inPlace ? Optional.empty() : Optional.of(out == null
                ? Path.of("optimized") : out));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Pipeline pipeline = Pipeline.start(ConfigLoader.load(env).engine());
        Progress progress = new Progress(tasks.size(), stderr, System.console() != null);
        List<LocalFiles.Outcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(jobs == null ? Runtime.getRuntime().availableProcessors()
                : Math.max(1, jobs))) {
            List<Future<LocalFiles.Outcome>> futures = new ArrayList<>();
            for (LocalFiles.Task task : tasks) {
                futures.add(pool.submit(() -> progress.done(LocalFiles.run(pipeline, task, options))));
            }
            for (Future<LocalFiles.Outcome> future : futures) {
                outcomes.add(future.get());
            }
        }
        progress.finish();
        return LocalFiles.report(outcomes, stdout, stderr);
    }

    private ProcessOptions options() {
        Optional<Resize> box = Optional.empty();
        if (resize != null) {
            String[] sides = resize.toLowerCase(Locale.ROOT).split("x", -1);
            if (sides.length != 2 || !(sides[0] + sides[1]).matches("\\d+")) {
                throw new IllegalArgumentException("--resize: expected WxH, Wx or xH (e.g. 640x480) but received \"" + resize + "\"");
            }
            ResizeMode m = parse(ResizeMode.class, "--mode", mode);
            box = Optional.of(new Resize(sides[0].isEmpty() ? 0 : Integer.parseInt(sides[0]),
                    sides[1].isEmpty() ? 0 : Integer.parseInt(sides[1]), m, parse(Gravity.class, "--gravity", gravity),
                    Resize.defaultUpscale(m), Color.WHITE));
        }
        return new ProcessOptions(parse(Compression.class, "--compression", compression),
                quality == null ? OptionalInt.empty() : OptionalInt.of(quality), parse(OutputFormat.class, "--format", format),
                box, Set.of());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
            throw new IllegalArgumentException(option + ": expected one of " + String.join(", ", allowed)
                    + " but received \"" + value + "\"");
        }
    }

    /// A one-line progress bar on a terminal; nothing when the output is a file or a pipe.
    private static final class Progress {
        private final int total;
        private final PrintWriter err;
        private final boolean show;
        private int done;

        Progress(int total, PrintWriter err, boolean show) {
            this.total = total;
            this.err = err;
            this.show = show;
        }

        synchronized LocalFiles.Outcome done(LocalFiles.Outcome outcome) {
            done++;
            if (show) {
                int filled = total == 0 ? 30 : done * 30 / total;
                err.print("\r[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] " + done + "/" + total);
                err.flush();
            }
            return outcome;
        }

        void finish() {
            if (show) {
                err.println();
            }
        }
    }
}
