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
        int rateLimitPerMinute, Uploads uploads) {
    public ApiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(uploads, "uploads");
    }

    /// How uploads wait while they are received (`UploadBuffering`): what all of them may hold in memory at once,
    /// and the folder for those that go to a temporary file.
    public record Uploads(long memoryBytes, Path directory) {
        public Uploads {
            if (memoryBytes < 0) {
                throw new IllegalArgumentException("memoryBytes must be 0 or more");
            }
            Objects.requireNonNull(directory, "directory");
        }
    }

    /// A PEM certificate chain and its private key.
    public record Tls(Path certificate, Path privateKey) {}
}
