package io.compressor.pipeline;

import java.util.Optional;

/// What the planner decided, in the order the pipeline applies it: the source as it stands upright
/// (`oriented*`), scaled to `scaled*`, then cut to `crop` (a region of the scaled image) or placed
/// inside `pad` (the output canvas and the image's place in it). `gravity` is kept for `SMART` crops,
/// whose offset libvips chooses.
public record Geometry(int orientedWidth, int orientedHeight, int scaledWidth, int scaledHeight,
        Optional<Region> crop, Optional<Canvas> pad, Gravity gravity) {

    /// A canvas of `width`×`height` with the image's top-left corner at `left`,`top`.
    public record Canvas(int width, int height, int left, int top) {}

    public int outputWidth() {
        return pad.map(Canvas::width).orElse(crop.map(Region::width).orElse(scaledWidth));
    }

    public int outputHeight() {
        return pad.map(Canvas::height).orElse(crop.map(Region::height).orElse(scaledHeight));
    }

    public boolean scales() {
        return scaledWidth != orientedWidth || scaledHeight != orientedHeight;
    }

    /// True when the pixels change shape in any way: scaled, cut or padded.
    public boolean changesSize() {
        return scales() || crop.isPresent() || pad.isPresent();
    }
}
