package io.compressor.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/// The key that seals connector credentials: `COMPRESSOR_MASTER_KEY` (base64 of 32 bytes) when set,
/// else `DATA_DIR/master.key`, created with mode 0600 on first start. `toString` never shows it.
record MasterKey(Optional<String> fromEnvironment) {
    static final String FILE = "master.key";

    /// The 32 key bytes, creating the key file when there is neither a variable nor a file.
    byte[] resolve(Path dataDir) {
        if (fromEnvironment.isPresent()) {
            return Base64.getDecoder().decode(fromEnvironment.get());
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                write(file, fresh());
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    /// The key in a key file.
    static byte[] read(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    static byte[] fresh() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /// Writes a key file readable by its owner only, atomically.
    static void write(Path file, byte[] key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".master-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static boolean valid(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + (fromEnvironment.isPresent() ? "COMPRESSOR_MASTER_KEY" : FILE) + ", ****]";
    }
}
