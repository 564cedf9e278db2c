package io.compressor.app;

import io.compressor.error.ServiceException;
import io.compressor.pipeline.ImageFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/// The file side of `compressor optimize`: which files, where each result goes, and the report.
final class LocalFiles {
    private LocalFiles() {}

    /// One input and the folder its result goes to (empty: next to the input, replacing it when the format stays).
    record Task(Path input, Path relative, Optional<Path> outDir) {}

    /// What became of one file: its size before, and the result and where it went, or the error.
    record Outcome(Task task, long inputSize, Result result, Path written, String error) {
        static Outcome failed(Task task, String error) {
            return new Outcome(task, 0, null, null, error);
        }
    }

    /// Files named directly are taken whatever their name; folders are searched for image extensions.
    static List<Task> tasks(List<Path> inputs, Optional<Path> outDir) throws IOException {
        List<Task> tasks = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(LocalFiles::looksLikeImage).sorted()
                            .forEach(f -> tasks.add(new Task(f, input.relativize(f), outDir)));
                }
            } else {
                tasks.add(new Task(input, input.getFileName(), outDir));
            }
        }
        return tasks;
    }

    static Outcome run(Pipeline pipeline, Task task, ProcessOptions options) {
        try {
            long inputSize = Files.size(task.input());
            Result result = pipeline.process(task.input(), options);
            Path target = target(task, result);
            if (task.outDir().isPresent() && Files.exists(target) && Files.isSameFile(target, task.input())) {
                return Outcome.failed(task, "the result would overwrite the input; use --in-place or another --out");
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".optimize-", ".tmp");
            Files.write(temporary, result.bytes());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Outcome(task, inputSize, result, target, null);
        } catch (ServiceException | IllegalArgumentException e) {
            return Outcome.failed(task, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return Outcome.failed(task, "cannot read or write: " + e.getMessage());
        }
    }

    /// The input's name with the output format's extension, under the out folder or beside the input.
    private static Path target(Task task, Result result) {
        String name = task.relative().getFileName().toString();
        boolean sameFormat = result.format() == result.input().format();
        String fileName = sameFormat && task.outDir().isEmpty() ? name : result.format().fileName(name);
        Path parent = task.relative().getParent();
        return task.outDir().map(dir -> parent == null ? dir.resolve(fileName) : dir.resolve(parent).resolve(fileName))
                .orElse(task.input().resolveSibling(fileName));
    }

    /// Prints a line per file and the total; exit status 1 when any file failed.
    static int report(List<Outcome> outcomes, PrintWriter out, PrintWriter err) {
        long before = 0;
        long after = 0;
        int failed = 0;
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                failed++;
                err.println("FAILED " + o.task().input() + ": " + o.error());
                continue;
            }
            long in = o.inputSize();
            before += in;
            after += o.result().bytes().length;
            out.println(String.format(Locale.ROOT, "%s  %s -> %s  (%s)  %s %dx%d -> %s %dx%d%s", o.task().input(),
                    bytes(in), bytes(o.result().bytes().length), saving(in, o.result().bytes().length),
                    o.result().input().format().wireName(), o.result().input().width(), o.result().input().height(),
                    o.result().format().wireName(), o.result().width(), o.result().height(),
                    o.result().unchanged() ? "  (already optimal, copied)" : ""));
        }
        out.println(String.format(Locale.ROOT, "%d file(s): %s -> %s (%s)%s", outcomes.size() - failed, bytes(before),
                bytes(after), saving(before, after), failed > 0 ? "; " + failed + " failed" : ""));
        return failed > 0 ? 1 : 0;
    }

    private static boolean looksLikeImage(Path file) {
        return ImageFormat.named(file.getFileName().toString()).isPresent();
    }

    static String bytes(long n) {
        return n < 1024 ? n + " B" : n < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", n / 1024.0)
                : String.format(Locale.ROOT, "%.2f MB", n / (1024.0 * 1024));
    }

    static String saving(long before, long after) {
        return before == 0 ? "0%" : String.format(Locale.ROOT, "%+.1f%%", 100.0 * (after - before) / before);
    }
}
