package io.compressor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/// A bar chart drawn as SVG by the template: one bar per day, scaled to the largest value.
/// Geometry is in the SVG's own units (`WIDTH` × `HEIGHT`); the page scales it to the screen.
public record Chart(String title, String peak, List<Bar> bars) {
    public static final int WIDTH = 600;
    public static final int HEIGHT = 120;

    /// One day's bar; `label` is its tooltip and its text for screen readers.
    public record Bar(double x, double y, double width, double height, String label) {}

    public record Point(String day, long value) {}

    static Chart of(String title, List<Point> points, LongFunction<String> format) {
        long max = points.stream().mapToLong(Point::value).max().orElse(0);
        double slot = (double) WIDTH / Math.max(1, points.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double height = max == 0 ? 0 : Math.max(p.value() > 0 ? 1 : 0, HEIGHT * (double) p.value() / max);
            bars.add(new Bar(round(i * slot + slot * 0.1), round(HEIGHT - height), round(slot * 0.8), round(height),
                    p.day() + ": " + format.apply(p.value())));
        }
        return new Chart(title, format.apply(max), bars);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
