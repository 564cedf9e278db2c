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
import io.compressor.vips.Scope;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/// Cuts a benchmark input of exactly WIDTH×HEIGHT (JPEG quality 92) out of a larger photo: a baseline JPEG, as cameras
/// and phones write them, or with `progressive`, as many web pages serve them.
/// A progressive JPEG takes several times longer to decode: every scan is read into a buffer of the whole image.
/// Usage: MakeCorpus SOURCE WIDTH HEIGHT TARGET [progressive]
public final class MakeCorpus {
    private MakeCorpus() {}

    public static void main(String[] args) throws Exception {
        Pipeline pipeline = Pipeline.start(new EngineConfig("libvips.so.42", 0, new Limits(1L << 30, 1_000_000_000L)));
        ProcessOptions options = new ProcessOptions(Compression.MEDIUM, OptionalInt.of(92), OutputFormat.JPEG,
                Optional.of(new Resize(Integer.parseInt(args[1]), Integer.parseInt(args[2]), ResizeMode.FIT, Gravity.CENTER,
                        true, Color.WHITE)), Set.of());
        byte[] progressive = pipeline.process(Files.readAllBytes(Path.of(args[0])), options).bytes();
        if (args.length > 4 && args[4].equals("progressive")) {
            Files.write(Path.of(args[3]), progressive);
            return;
        }
        try (Scope scope = Vips.start(new VipsConfig("libvips.so.42", 0)).scope()) {
            Files.write(Path.of(args[3]), scope.image("jpegload_buffer", Map.of("buffer", scope.blob(progressive)))
                    .save("jpegsave_buffer", Map.of("Q", 92, "optimize_coding", true, "interlace", false, "strip", true)));
        }
    }
}
