package io.compressor.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/// Object keys in URLs: each path segment percent-encoded (RFC 3986), spaces as %20, unicode as UTF-8,
/// and `/` kept as the separator it is.
public final class ObjectKeys {
    private ObjectKeys() {}

    public static String encode(String key) {
        StringBuilder out = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (!out.isEmpty() || key.startsWith("/")) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~"));
        }
        return out.toString();
    }
}
