package io.compressor.pipeline;

import java.nio.charset.StandardCharsets;

/// What an SVG's text says about its cost, read by one forward scan (client bytes never meet a backtracking pattern).
final class SvgText {
    private static final byte[] FILTER = "filter".getBytes(StandardCharsets.US_ASCII);

    private SvgText() {}

    /// True when the word `filter` appears anywhere: a `<filter>` element (with or without a namespace prefix), a
    /// `filter` attribute or CSS property, or a CSS filter function's property. Text that merely mentions the word
    /// is counted too, which only lowers that SVG's render limit.
    static boolean usesFilters(byte[] svg) {
        outer:
        for (int i = 0; i + FILTER.length <= svg.length; i++) {
            for (int j = 0; j < FILTER.length; j++) {
                if ((svg[i + j] | 0x20) != FILTER[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
