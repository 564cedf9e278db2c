package io.compressor.api;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;

/// Where the image part of an upload waits while the request body is read: in memory when the request's declared
/// length fits in what is left of the server's budget for uploads in flight, in a temporary file otherwise (and
/// always for a body of unknown length). In memory means the network buffers Jetty retains as they arrive, which
/// are off the Java heap; a temporary file costs a write, a read back and a delete: about 2-3% of a 12 MP
/// image's processing (bench/http.sh). The budget bounds what all uploads in flight hold in memory at once.
final class UploadBuffering {
    /// Parts up to this size stay in memory even on the disk route (the `data` options, a small image).
    static final int SMALL_PART = 256 * 1024;
    /// What an upload's body may hold besides its file: the `data` part and the multipart framing.
    private static final long BESIDES_FILE = 1024 * 1024;
    private final long budget;
    private final long maxFile;
    private final String directory;
    private final AtomicLong held = new AtomicLong();

    UploadBuffering(ApiConfig.Uploads uploads, long maxFile) {
        this.budget = uploads.memoryBytes();
        this.maxFile = maxFile;
        this.directory = uploads.directory().toString();
        try {
            Files.createDirectories(uploads.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the folder for uploads " + uploads.directory(), e);
        }
    }

    /// The route for a body of `declaredLength` bytes (negative: unknown). Close it when the request is done.
    Lease lease(long declaredLength) {
        if (declaredLength >= 0 && held.addAndGet(declaredLength) <= budget) {
            return new Lease(config(Math.max(SMALL_PART, declaredLength)), declaredLength);
        }
        if (declaredLength >= 0) {
            held.addAndGet(-declaredLength);
        }
        return new Lease(config(SMALL_PART), 0);
    }

    /// The largest upload body accepted for a file of at most `maxFile` bytes.
    static long maxRequest(long maxFile) {
        return maxFile + BESIDES_FILE;
    }

    /// Bytes of uploads in flight held in memory.
    long held() {
        return held.get();
    }

    private MultipartConfigElement config(long inMemory) {
        return new MultipartConfigElement(directory, maxFile, maxRequest(maxFile), (int) Math.min(Integer.MAX_VALUE, inMemory));
    }

    /// One request's route: the multipart settings Jetty parses it with, and its share of the budget.
    final class Lease implements AutoCloseable {
        private final MultipartConfigElement config;
        private long bytes;

        private Lease(MultipartConfigElement config, long bytes) {
            this.config = config;
            this.bytes = bytes;
        }

        MultipartConfigElement config() {
            return config;
        }

        boolean inMemory() {
            return bytes > 0;
        }

        @Override
        public void close() {
            held.addAndGet(-bytes);
            bytes = 0;
        }
    }
}
