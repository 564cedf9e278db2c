package io.compressor.pipeline;

/// The optimized image. `unchanged` is true when the input bytes were returned as they were, because
/// nothing asked for a change that re-encoding would not have made larger. `quality` is what the per-image
/// search chose, or null when the quality was not searched (fixed by the client, lossless, GIF, animation).
public record Result(byte[] bytes, ImageFormat format, int width, int height, ImageInfo input, boolean unchanged,
        Quality quality) {}
