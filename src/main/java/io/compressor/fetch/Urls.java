package io.compressor.fetch;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.net.URI;
import java.util.Locale;

/// The URL rules of fetching: http and https only, a host required, and redirects never from https
/// down to http.
final class Urls {
    private Urls() {}

    static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || host(uri).isEmpty()) {
            throw invalid(url);
        }
        return uri;
    }

    static URI redirect(URI from, String location) {
        URI next;
        try {
            next = parse(from.resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ErrorCode.SOURCE_STATUS, "The source redirected to an invalid address.");
        } catch (ServiceException e) {
            throw new ServiceException(ErrorCode.SOURCE_BLOCKED, "The source redirected to \"" + location
                    + "\", which is not an http or https address.");
        }
        if ("https".equals(from.getScheme()) && "http".equals(next.getScheme())) {
            throw new ServiceException(ErrorCode.SOURCE_BLOCKED, "The source redirected from https to http ("
                    + next.getHost() + "); only secure redirects are followed from a secure source.");
        }
        return next;
    }

    /// The host as written. Java's URI leaves out hosts such as `127.1` or `0x7f.1` (not valid names, not
    /// dotted quads), which resolvers still accept; they are read from the raw authority instead.
    static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost();
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        return hostPort.startsWith("[") ? hostPort.substring(0, hostPort.indexOf(']') + 1)
                : hostPort.replaceFirst(":\\d*$", "");
    }

    static int port(URI uri) {
        if (uri.getPort() == -1 && uri.getHost() == null && uri.getRawAuthority() != null) {
            String authority = uri.getRawAuthority();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)$").matcher(authority);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /// The last path segment, the name the result is given.
    static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "image" : last;
    }

    private static ServiceException invalid(String url) {
        return new ServiceException(ErrorCode.INVALID_OPTION, "url: expected an absolute http:// or https:// URL but"
                + " received \"" + url + "\"");
    }
}
