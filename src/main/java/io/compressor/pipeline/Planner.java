package io.compressor.pipeline;

import java.util.Optional;

/// Pure geometry: from the source size, its EXIF orientation and the `resize` options to the sizes,
/// crop and padding of the output. No libvips here, so every case is tested by table.
public final class Planner {
    private Planner() {}

    /// `orientation` is the EXIF value 1–8; 5–8 turn the image by 90°, so width and height swap.
    public static Geometry plan(int width, int height, int orientation, Optional<Resize> resize) {
        boolean turned = orientation >= 5 && orientation <= 8;
        int w = turned ? height : width;
        int h = turned ? width : height;
        if (resize.isEmpty()) {
            return new Geometry(w, h, w, h, Optional.empty(), Optional.empty(), Gravity.CENTER);
        }
        Resize r = resize.get();
        return switch (r.mode()) {
            case AUTO -> auto(w, h, r);
            case FIT -> fit(w, h, r);
            case FILL -> fill(w, h, r);
            case EXACT -> exact(w, h, r);
            case CROP -> crop(w, h, r);
        };
    }

    private static Geometry auto(int w, int h, Resize r) {
        double sx = r.width() > 0 ? (double) r.width() / w : Double.MAX_VALUE;
        double sy = r.height() > 0 ? (double) r.height() / h : Double.MAX_VALUE;
        Size scaled = scale(w, h, Math.min(sx, sy) == sx ? r.width() : 0, Math.min(sx, sy) == sx ? 0 : r.height(), r.upscale());
        return new Geometry(w, h, scaled.width, scaled.height, Optional.empty(), Optional.empty(), r.gravity());
    }

    private static Geometry fit(int w, int h, Resize r) {
        boolean byWidth = (double) r.width() / w >= (double) r.height() / h;
        Size scaled = scale(w, h, byWidth ? r.width() : 0, byWidth ? 0 : r.height(), r.upscale());
        int cw = Math.min(r.width(), scaled.width);
        int ch = Math.min(r.height(), scaled.height);
        Optional<Region> crop = cw == scaled.width && ch == scaled.height ? Optional.empty()
                : Optional.of(new Region(r.gravity().offsetX(scaled.width, cw), r.gravity().offsetY(scaled.height, ch), cw, ch));
        return new Geometry(w, h, scaled.width, scaled.height, crop, Optional.empty(), r.gravity());
    }

    private static Geometry fill(int w, int h, Resize r) {
        boolean byWidth = (double) r.width() / w <= (double) r.height() / h;
        Size scaled = scale(w, h, byWidth ? r.width() : 0, byWidth ? 0 : r.height(), r.upscale());
        Optional<Geometry.Canvas> pad = scaled.width == r.width() && scaled.height == r.height() ? Optional.empty()
                : Optional.of(new Geometry.Canvas(r.width(), r.height(), r.gravity().offsetX(r.width(), scaled.width),
                        r.gravity().offsetY(r.height(), scaled.height)));
        return new Geometry(w, h, scaled.width, scaled.height, Optional.empty(), pad, r.gravity());
    }

    private static Geometry exact(int w, int h, Resize r) {
        int sw = r.upscale() ? r.width() : Math.min(r.width(), w);
        int sh = r.upscale() ? r.height() : Math.min(r.height(), h);
        return new Geometry(w, h, sw, sh, Optional.empty(), Optional.empty(), r.gravity());
    }

    private static Geometry crop(int w, int h, Resize r) {
        int cw = Math.min(r.width(), w);
        int ch = Math.min(r.height(), h);
        Optional<Region> crop = cw == w && ch == h ? Optional.empty()
                : Optional.of(new Region(r.gravity().offsetX(w, cw), r.gravity().offsetY(h, ch), cw, ch));
        return new Geometry(w, h, w, h, crop, Optional.empty(), r.gravity());
    }

    private record Size(int width, int height) {}

    /// Scales w×h so that the named side (`toWidth` or `toHeight`, the other 0) becomes exactly that
    /// size, the other side following the aspect ratio; never grows when `upscale` is false.
    private static Size scale(int w, int h, int toWidth, int toHeight, boolean upscale) {
        if ((toWidth > 0 && toWidth > w || toHeight > 0 && toHeight > h) && !upscale) {
            return new Size(w, h);
        }
        if (toWidth > 0) {
            return new Size(toWidth, Math.max(1, (int) Math.round((double) h * toWidth / w)));
        }
        return new Size(Math.max(1, (int) Math.round((double) w * toHeight / h)), toHeight);
    }
}
