package io.compressor.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/// Results kept on local disk for a while, at `DIR/{expires}/{id}-{name}`: the path is the URL, so a
/// URL with another expiry or name finds nothing, a restart loses nothing, and the sweeper deletes a
/// whole expiry folder once it has passed. One file per result in its second's folder, so that hosting a result
/// makes a folder only for the first result of its second.
public final class TempHosting {
    private final Path root;
    private final Duration ttl;
    private final Clock clock;

    public TempHosting(Path root, Duration ttl, Clock clock) {
        this.root = root;
        this.ttl = ttl;
        this.clock = clock;
    }

    /// Where a hosted file lives and until when.
    public record Hosted(long expiresEpochSecond, String id, String name, Path file) {}

    /// Writes `bytes` under a fresh expiry; the file appears complete or not at all.
    public Hosted host(String id, String name, byte[] bytes) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        Path folder = root.resolve(Long.toString(expires));
        try {
            // a name of its own even when two nodes run the same job at once (a lease that ran out on a live node)
            Path temporary = folder.resolve("." + id + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.write(temporary, bytes);
            } catch (NoSuchFileException e) {
                // the first result of its expiry second makes the folder: not a mkdir (and its exception) per result
                Files.createDirectories(folder);
                Files.write(temporary, bytes);
            }
            Path file = folder.resolve(fileName(id, name));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Hosted(expires, id, name, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the result in " + folder, e);
        }
    }

    /// The file behind a URL's parts, while it has not expired.
    public Optional<Path> find(String expires, String id, String name) {
        if (!expires.matches("\\d{1,12}") || !id.matches("[0-9a-f-]{36}") || !Names.isSafe(name)) {
            return Optional.empty();
        }
        if (Long.parseLong(expires) <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        Path file = root.resolve(expires).resolve(fileName(id, name));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /// The id first: it has a fixed length, so no two ids and names make the same file name.
    private static String fileName(String id, String name) {
        return id + "-" + name;
    }

    /// Deletes every expiry folder whose time has passed; returns how many went.
    public int sweep() {
        Instant now = clock.instant();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().matches("\\d{1,12}")).toList()) {
                if (Long.parseLong(folder.getFileName().toString()) <= now.getEpochSecond()) {
                    deleteTree(folder);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep " + root, e);
        }
        return removed;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
