package io.compressor.job;

/// `output.quality` *(ext)*: the encoder quality the search chose, the SSIM score the output reached (4 decimals)
/// and the score its compression level promises.
public record QualityFacts(int encoder, double score, double target) {
    public QualityFacts {
        score = Math.floor(score * 10_000) / 10_000;
    }
}
