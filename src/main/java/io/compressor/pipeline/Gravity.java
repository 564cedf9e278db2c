package io.compressor.pipeline;

/// Where a crop or a pad sits. `SMART` lets libvips pick the most interesting region; for padding it
/// behaves as `CENTER`.
public enum Gravity {
    CENTER(0.5, 0.5), TOP(0.5, 0), BOTTOM(0.5, 1), LEFT(0, 0.5), RIGHT(1, 0.5),
    TOP_LEFT(0, 0), TOP_RIGHT(1, 0), BOTTOM_LEFT(0, 1), BOTTOM_RIGHT(1, 1), SMART(0.5, 0.5);

    private final double x;
    private final double y;

    Gravity(double x, double y) {
        this.x = x;
        this.y = y;
    }

    /// Offset of a span of `inner` placed inside `outer` along x.
    int offsetX(int outer, int inner) {
        return (int) Math.round((outer - inner) * x);
    }

    int offsetY(int outer, int inner) {
        return (int) Math.round((outer - inner) * y);
    }
}
