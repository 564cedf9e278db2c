package io.compressor.api;

import io.compressor.job.JobService;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/// The `Idempotency-Key` header *(ext)* and the SHA-256 of the request it names: the JSON text, and
/// for an upload the file's bytes too (read again from Jetty's temporary file, only when a key is sent).
final class Idempotency {
    private Idempotency() {}

    static Optional<JobService.Idempotency> of(Context ctx, Supplier<String> hash) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (key.length() > 200 || !key.matches("[\\x21-\\x7e]+")) {
            throw OptionsParser.invalid("Idempotency-Key: at most 200 printable ASCII characters without spaces");
        }
        return Optional.of(new JobService.Idempotency(key, hash.get()));
    }

    static String hash(String text, UploadedFile file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
            if (file != null) {
                try (InputStream in = file.content()) {
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
