package io.compressor.storage;

/// File names that are safe as one path segment, and as one URL segment once percent-encoded (`ObjectKeys.encode`: they
/// keep spaces and letters outside ASCII): no separators, no control characters, no dot-only names, at most 200
/// characters.
public final class Names {
    private static final int MAX = 200;

    private Names() {}

    /// A safe name from whatever a client sent (`../x\u0000.jpg` → `x.jpg`); `image` when nothing is left.
    public static String sanitize(String raw) {
        String name = raw == null ? "" : raw;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        name = name.replaceAll("^\\.+", "");
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX - ext.length()) + ext;
        }
        return name.isEmpty() ? "image" : name;
    }

    public static boolean isSafe(String name) {
        return name != null && !name.isEmpty() && sanitize(name).equals(name);
    }
}
