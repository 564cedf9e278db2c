package io.compressor.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/// The saver and its options for each output format and compression level: the table of
/// `docs/compression.md`, written once. An explicit `quality` replaces the level's quality. The options depend on
/// what the loaded libvips can do (`Codecs`).
final class EncoderSettings {
    private final Codecs codecs;

    EncoderSettings(Codecs codecs) {
        this.codecs = codecs;
    }

    static String saver(ImageFormat format) {
        return switch (format) {
            case JPEG -> "jpegsave_buffer";
            case PNG -> "pngsave_buffer";
            case WEBP -> "webpsave_buffer";
            case AVIF -> "heifsave_buffer";
            case GIF -> "gifsave_buffer";
            default -> throw new IllegalArgumentException("cannot write " + format);
        };
    }

    /// Saver options, without metadata handling (the pipeline adds `strip`).
    Map<String, Object> options(ImageFormat format, Compression level, OptionalInt quality) {
        Map<String, Object> o = new HashMap<>();
        switch (format) {
            case JPEG -> {
                o.put("Q", quality.orElse(pick(level, 85, 78, 65, 95)));
                o.put("optimize_coding", true);
                o.put("interlace", true);
                // half-resolution colour (4:2:0) as every JPEG encoder's default: the score is on luma, where the
                // bytes of full-resolution colour would buy nothing it measures; lossless keeps full colour
                o.put("subsample_mode", level == Compression.LOSSLESS ? "off" : "on");
                if (codecs.mozjpeg() && level != Compression.LOSSLESS) {
                    // sharp's mozjpeg preset: trellis quantisation, deringing, the best progressive scans, and
                    // mozjpeg's PSNR-HVS-tuned table 3, which makes fewer bytes at the same SSIMULACRA 2 than the
                    // standard table (bench/quality.sh 1200 jpeg, docs/compression.md)
                    o.put("trellis_quant", true);
                    o.put("overshoot_deringing", true);
                    o.put("optimize_scans", true);
                    o.put("quant_table", 3);
                }
            }
            case PNG -> {
                o.put("compression", 9);
                if (level != Compression.LOSSLESS) {
                    o.put("palette", true);
                    o.put("Q", quality.orElse(pick(level, 90, 80, 60, 100)));
                    o.put("effort", 7);
                    // no dithering: it trades banding for noise, and on smooth gradients the noise both costs bytes
                    // and lowers the score more than the banding does (bench/quality.sh curves PNG HIGH)
                    o.put("dither", 0.0);
                }
            }
            case WEBP -> {
                if (level == Compression.LOSSLESS) {
                    o.put("lossless", true);
                } else {
                    o.put("Q", quality.orElse(pick(level, 82, 75, 60, 100)));
                }
                o.put("effort", 4);
            }
            case AVIF -> {
                o.put("compression", "av1");
                if (level == Compression.LOSSLESS) {
                    o.put("lossless", true);
                } else {
                    o.put("Q", quality.orElse(pick(level, 60, 50, 40, 100)));
                }
                o.put("effort", 2);
            }
            case GIF -> {
                o.put("effort", 7);
                o.put("bitdepth", level == Compression.ULTRA ? 6 : 8);
                o.put("interframe_maxerror", level == Compression.ULTRA ? 8.0 : level == Compression.HIGH ? 3.0 : 0.0);
            }
            default -> throw new IllegalArgumentException("cannot write " + format);
        }
        return o;
    }

    /// Whether the level's quality is searched per image (`QualitySearch`) rather than fixed: lossy levels of the
    /// formats we can score, unless the client fixed the quality or the output animates.
    static boolean searched(ImageFormat format, Compression level, OptionalInt quality, boolean animated) {
        return level != Compression.LOSSLESS && quality.isEmpty() && !animated
                && (format == ImageFormat.JPEG || format == ImageFormat.WEBP || format == ImageFormat.AVIF
                        || format == ImageFormat.PNG);
    }

    /// Options for a search probe: cheaper to encode than `options`. For libjpeg-turbo's JPEG and for PNG the pixels are
    /// exactly the final encode's (progressive order, Huffman tables and zlib level are lossless); mozjpeg's JPEG
    /// probes without trellis quantisation, WebP and AVIF at a lower effort, so their final output is scored again
    /// (`probeIsExact`).
    Map<String, Object> probeOptions(ImageFormat format, Compression level, int quality) {
        Map<String, Object> o = options(format, level, OptionalInt.of(quality));
        switch (format) {
            case JPEG -> {
                o.put("optimize_coding", false);
                o.put("interlace", false);
                // trellis quantisation makes a probe several times slower; the search runs on plain quantisation, whose
                // curve lies just above trellis' in bytes, and the final file is scored again
                o.remove("optimize_scans");
                o.remove("trellis_quant");
                o.remove("overshoot_deringing");
            }
            case PNG -> o.put("compression", 1);
            case WEBP -> o.put("effort", 1);
            case AVIF -> o.put("effort", 0);
            default -> throw new IllegalArgumentException("no probe for " + format);
        }
        return o;
    }

    boolean probeIsExact(ImageFormat format) {
        return (format == ImageFormat.JPEG && !codecs.mozjpeg()) || format == ImageFormat.PNG;
    }

    /// What each level promises (`QualitySearch.Goal`): the lowest SSIM score (`Ssim`, on luma) it accepts, and the
    /// score one more bit per pixel must buy to be spent. The calibration is in docs/compression.md.
    static QualitySearch.Goal goal(Compression level) {
        return switch (level) {
            case MEDIUM -> new QualitySearch.Goal(0.980, 0.012);
            case HIGH -> new QualitySearch.Goal(0.970, 0.020);
            case ULTRA -> new QualitySearch.Goal(0.950, 0.040);
            case LOSSLESS -> new QualitySearch.Goal(1.0, 0);
        };
    }

    /// The lowest score a palette PNG may keep when no palette meets the level's floor; below it, the image is saved
    /// lossless. pngquant's `--quality min-max` works the same way: it aims at max, and gives up on a palette only under
    /// min. A hundredth under the floor: on the bench corpus the two gradient wallpapers no palette takes to 0.97 reach
    /// 0.9697 and 0.9666 in 270-280 KB, where lossless PNG takes 1.3-1.5 MB (docs/compression.md).
    static double paletteMinimum(Compression level) {
        return goal(level).floor() - 0.01;
    }

    /// The qualities searched for a format; the search starts at the level's fixed quality (`Encoder settings` in
    /// docs/compression.md).
    static QualitySearch.Range range(ImageFormat format, Compression level) {
        return switch (format) {
            case JPEG -> new QualitySearch.Range(30, 95, pick(level, 85, 78, 65, 95));
            case WEBP -> new QualitySearch.Range(30, 95, pick(level, 82, 75, 60, 95));
            case AVIF -> new QualitySearch.Range(15, 95, pick(level, 60, 50, 40, 95));
            case PNG -> new QualitySearch.Range(20, 100, pick(level, 90, 80, 60, 100));
            default -> throw new IllegalArgumentException("no quality to search for " + format);
        };
    }

    private static int pick(Compression level, int medium, int high, int ultra, int lossless) {
        return switch (level) {
            case MEDIUM -> medium;
            case HIGH -> high;
            case ULTRA -> ultra;
            case LOSSLESS -> lossless;
        };
    }
}
