package io.compressor.fetch;

import java.time.Duration;
import java.util.Set;

/// Where and how sources may be fetched. Until the address policy of the safe-fetching issue lands,
/// only the listed hosts (`host` or `host:port`) are reachable: never an open fetcher.
public record FetchConfig(Set<String> allowedHosts, long maxBytes, Duration timeout, int maxRedirects) {
    public FetchConfig {
        allowedHosts = Set.copyOf(allowedHosts);
    }
}
