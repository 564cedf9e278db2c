package io.compressor.bench;

import io.compressor.pipeline.Compression;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Limits;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/// Each corpus image's size and score at fixed qualities from 20 to 100 (every fifth, or every STEP), one line per image:
/// `NAME WIDTHxHEIGHT q:bytes:score ...`. The calibration of docs/compression.md was read off this.
/// Usage: ScoreCurves CORPUS_DIR PART FORMAT LEVEL [STEP]   (PART: tune, report or all, as `QualityBench.Corpus.part`;
/// e.g. `bench/quality.sh curves JPEG HIGH 1` reads the tune half)
public final class ScoreCurves {
    private ScoreCurves() {}

    public static void main(String[] args) throws Exception {
        Pipeline p = Pipeline.start(new EngineConfig(EngineConfig.libraries(System.getProperty("vips.library", "libvips.so.42")), 0,
                new Limits(256L << 20, 100_000_000)));
        OutputFormat f = OutputFormat.valueOf(args[2]);
        Compression level = Compression.valueOf(args[3]);
        int step = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        for (Path img : QualityBench.Corpus.part(Path.of(args[0]), args[1])) {
            byte[] in = Files.readAllBytes(img);
            StringBuilder sb = new StringBuilder(img.getFileName().toString());
            for (int q = 20; q <= 100; q += step) {
                Result result = p.process(in, new ProcessOptions(level, OptionalInt.of(q), f, Optional.empty(), Set.of()));
                byte[] out = result.bytes();
                if (q == 20) {
                    sb.append(' ').append(result.width()).append('x').append(result.height());
                }
                sb.append(' ').append(q).append(':').append(out.length).append(':').append(String.format("%.5f", p.similarity(in, out)));
            }
            System.out.println(sb);
        }
    }
}
