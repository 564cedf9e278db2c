package io.compressor.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/// How sources are fetched. `allowedHosts` (names, or `*.domain` patterns) and `allowedCidrs` are the
/// operator's exceptions to the address policy, e.g. an internal image server; everything else must
/// resolve to public addresses only. Downloads go to `tempDir` and are always removed.
public record FetchConfig(Set<String> allowedHosts, List<Cidr> allowedCidrs, long maxBytes, Duration connectTimeout,
        Duration timeout, int maxRedirects, Path tempDir) {
    public FetchConfig {
        allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        allowedCidrs = List.copyOf(allowedCidrs);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(tempDir, "tempDir");
    }

    /// True when the operator listed this host name, exactly or by a `*.domain` pattern.
    boolean hostAllowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return allowedHosts.contains(h) || allowedHosts.stream()
                .anyMatch(p -> p.startsWith("*.") && (h.endsWith(p.substring(1)) || h.equals(p.substring(2))));
    }
}
