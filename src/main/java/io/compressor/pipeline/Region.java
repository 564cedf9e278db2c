package io.compressor.pipeline;

/// A rectangle in pixels: where to cut, or where to place.
public record Region(int left, int top, int width, int height) {
    public Region {
        if (left < 0 || top < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("bad region " + left + "," + top + " " + width + "x" + height);
        }
    }
}
