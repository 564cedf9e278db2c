package io.compressor.api;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/// How the HTTP server listens and how it names itself in the URLs it hands out.
/// TLS is on when both PEM files are given; `app` has already checked that they are readable.
/// Without a `publicUrl` the server names itself by the address and port it actually bound.
public record ApiConfig(String host, int port, Optional<URI> publicUrl, Optional<Tls> tls, Duration shutdownGrace,
        int rateLimitPerMinute) {
    public ApiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    /// A PEM certificate chain and its private key.
    public record Tls(Path certificate, Path privateKey) {}
}
