package io.compressor.pipeline;

import java.util.Objects;

/// The `resize` options of a request. A missing side is 0. `upscale` defaults per mode: `true` for
/// the modes whose output is exactly the box (fit, fill, exact), `false` for `auto`.
public record Resize(int width, int height, ResizeMode mode, Gravity gravity, boolean upscale, Color background) {
    public static final int MAX_SIDE = 16384;

    public Resize {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(gravity, "gravity");
        Objects.requireNonNull(background, "background");
        if (width < 0 || height < 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("width and height are 1-" + MAX_SIDE);
        }
        if (width == 0 && height == 0) {
            throw new IllegalArgumentException("resize needs a width, a height or both");
        }
        if (mode != ResizeMode.AUTO && (width == 0 || height == 0)) {
            throw new IllegalArgumentException("mode " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs both width and height");
        }
    }

    public static boolean defaultUpscale(ResizeMode mode) {
        return mode != ResizeMode.AUTO && mode != ResizeMode.CROP;
    }
}
