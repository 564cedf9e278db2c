package io.compressor.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/// The spool in a local folder (shared between nodes only through a shared filesystem).
public final class LocalSpool implements Spool {
    private final Path dir;

    public LocalSpool(Path dir) {
        this.dir = dir;
    }

    @Override
    public String write(String jobId, InputStream in, long size) {
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

    @Override
    public long size(String key) {
        try {
            return Files.size(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("the spooled input " + key + " is missing", e);
        }
    }

    /// Finished inputs and the temporary files of writes that never finished, by their last write.
    @Override
    public java.util.List<String> writtenBefore(java.time.Instant cutoff) {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var files = Files.list(dir)) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    keys.add(file.getFileName().toString());
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the spool " + dir, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
