package io.compressor.app;

import io.compressor.account.AccountService;
import io.compressor.account.ConnectorService;
import io.compressor.account.SecretBox;
import io.compressor.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A new master key for every sealed secret (`compressor connectors rotate-key`), all or nothing. The secrets are
/// re-sealed in one database transaction. With a key file, the new key is first written beside it
/// (`master.key.new`) and replaces it once the transaction has committed; a rotation stopped between the two
/// leaves both files, and the next start keeps whichever key the secrets open under (`settle`). The key file is
/// always written from the key in hand, never by moving `master.key.new`, which a node starting meanwhile may
/// have settled away.
final class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    static final String PENDING = MasterKey.FILE + ".new";

    /// How many secrets were re-sealed.
    record Resealed(int connectors, int webhookSecrets) {}

    private KeyRotation() {}

    /// Re-seals every connector's credentials and every webhook secret under `next`, in one transaction.
    static Resealed reseal(Database database, ConnectorService connectors, AccountService accounts, SecretBox next) {
        // the services' store calls on this thread join the transaction's handle (Jdbi's per-thread handle scope)
        return database.jdbi().inTransaction(h -> new Resealed(connectors.rotate(next), accounts.rotate(next)));
    }

    /// The key file after a rotation that may have stopped half-way: when `master.key.new` is there, it becomes the
    /// key if the secrets open under it (the transaction committed), and is deleted otherwise. Returns the key to use.
    static byte[] settle(Path dataDir, byte[] current, ConnectorService connectors, AccountService accounts) {
        Path pending = dataDir.resolve(PENDING);
        if (!Files.exists(pending)) {
            return current;
        }
        try {
            byte[] next = MasterKey.read(pending);
            SecretBox box = new SecretBox(next);
            boolean committed = connectors.sealedUnder(box).or(() -> accounts.sealedUnder(box)).orElse(false);
            if (committed) {
                MasterKey.write(dataDir.resolve(MasterKey.FILE), next);
                log.warn("A key rotation stopped after its secrets were re-sealed; {} is now the master key", PENDING);
            } else {
                log.warn("A key rotation stopped before its secrets were re-sealed; the master key is unchanged and {} is"
                        + " removed", PENDING);
            }
            Files.deleteIfExists(pending);
            return committed ? next : current;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot settle the interrupted key rotation's " + pending, e);
        }
    }
}
