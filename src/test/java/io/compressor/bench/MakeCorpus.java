package io.compressor.bench;

import io.compressor.pipeline.Color;
import io.compressor.pipeline.Compression;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Gravity;
import io.compressor.pipeline.Limits;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Resize;
import io.compressor.pipeline.ResizeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/// Cuts a benchmark input of exactly WIDTH×HEIGHT (JPEG quality 92) out of a larger photo.
/// Usage: MakeCorpus SOURCE WIDTH HEIGHT TARGET
public final class MakeCorpus {
    private MakeCorpus() {}

    public static void main(String[] args) throws Exception {
        Pipeline pipeline = Pipeline.start(new EngineConfig("libvips.so.42", 0, new Limits(1L << 30, 1_000_000_000L)));
        ProcessOptions options = new ProcessOptions(Compression.MEDIUM, OptionalInt.of(92), OutputFormat.JPEG,
                Optional.of(new Resize(Integer.parseInt(args[1]), Integer.parseInt(args[2]), ResizeMode.FIT, Gravity.CENTER,
                        true, Color.WHITE)), Set.of());
        Files.write(Path.of(args[3]), pipeline.process(Files.readAllBytes(Path.of(args[0])), options).bytes());
    }
}
