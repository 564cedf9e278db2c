package io.compressor.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// Inputs of queued jobs, kept until a worker has processed them: a local folder. A job is accepted
/// (202) only once its input is written here whole.
public final class Spool {
    private final Path dir;

    public Spool(Path dir) {
        this.dir = dir;
    }

    /// Writes the input under the job's id, streaming; returns its key.
    String write(String jobId, InputStream in) {
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".spool-", ".tmp");
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, dir.resolve(jobId), StandardCopyOption.ATOMIC_MOVE);
            return jobId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the input of job " + jobId, e);
        }
    }

    long size(String key) {
        try {
            return Files.size(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream open(String key) {
        try {
            return Files.newInputStream(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("the spooled input " + key + " is missing", e);
        }
    }

    void delete(String key) {
        try {
            Files.deleteIfExists(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
