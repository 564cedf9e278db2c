package io.compressor.pipeline;

import java.util.Set;

/// What the header says, read before any pixel is decoded. `height` is one frame's height;
/// `frames` counts pages of an animation or a multi-page file; `metadata` names the metadata fields libvips found
/// (`Metadata.FIELDS`).
public record ImageInfo(ImageFormat format, String loader, int width, int height, int frames, boolean alpha,
        boolean cmyk, int orientation, boolean icc, int bitsPerSample, Set<String> metadata) {
    public ImageInfo {
        metadata = Set.copyOf(metadata);
    }

    /// Pixels of every frame together: what the pixel limit is about.
    public long totalPixels() {
        return (long) width * height * frames;
    }

    public boolean animated() {
        return frames > 1 && format.animates();
    }
}
