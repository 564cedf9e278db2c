package io.compressor.pipeline;

/// What the header says, read before any pixel is decoded. `height` is one frame's height;
/// `frames` counts pages of an animation or a multi-page file.
public record ImageInfo(ImageFormat format, String loader, int width, int height, int frames, boolean alpha,
        boolean cmyk, int orientation, boolean icc, int bitsPerSample) {

    /// Pixels of every frame together: what the pixel limit is about.
    public long totalPixels() {
        return (long) width * height * frames;
    }

    public boolean animated() {
        return frames > 1 && format.animates();
    }
}
