package io.compressor.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/// How the dashboard writes numbers and times for people.
final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {}

    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int unit = -1;
        while (v >= 1000 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[unit]);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /// "-42%" for an output 42% smaller than its input; empty when either is unknown.
    static String savings(long in, long out) {
        if (in <= 0 || out < 0) {
            return "";
        }
        long percent = Math.round(100.0 * (in - out) / in);
        return (percent > 0 ? "-" : percent < 0 ? "+" : "") + Math.abs(percent) + "%";
    }
}
