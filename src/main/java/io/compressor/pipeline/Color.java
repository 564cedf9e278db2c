package io.compressor.pipeline;

import java.util.regex.Pattern;

/// An sRGB colour with alpha, from CSS hex: `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`.
public record Color(int red, int green, int blue, int alpha) {
    public static final Color WHITE = new Color(255, 255, 255, 255);
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

    public Color {
        for (int c : new int[] {red, green, blue, alpha}) {
            if (c < 0 || c > 255) {
                throw new IllegalArgumentException("colour channels are 0-255");
            }
        }
    }

    /// Parses CSS hex; throws `IllegalArgumentException` with the accepted forms otherwise.
    public static Color parse(String text) {
        if (text == null || !HEX.matcher(text).matches()) {
            throw new IllegalArgumentException("expected a CSS hex colour like #ffffff or #00000000");
        }
        String hex = text.substring(1);
        if (hex.length() <= 4) {
            hex = hex.replaceAll("(.)", "$1$1");
        }
        int alpha = hex.length() == 8 ? Integer.parseInt(hex.substring(6, 8), 16) : 255;
        return new Color(Integer.parseInt(hex.substring(0, 2), 16), Integer.parseInt(hex.substring(2, 4), 16),
                Integer.parseInt(hex.substring(4, 6), 16), alpha);
    }

    public boolean opaque() {
        return alpha == 255;
    }
}
