package io.compressor.pipeline;

/// What the per-image search chose: the encoder's quality setting, the SSIM score the output reached, and
/// the level's target it aimed at. `score` may fall short of `target` when no quality tried could meet it.
public record Quality(int encoder, double score, double target) {
    public boolean met() {
        return score >= target;
    }
}
