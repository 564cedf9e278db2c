package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.account.ConnectorService;
import io.compressor.account.Credentials;
import io.compressor.account.SecretBox;
import io.compressor.storage.Provider;
import io.compressor.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// `compressor connectors rotate-key` is all or nothing: the secrets are re-sealed in one transaction, and a
/// rotation stopped between that and the key file's swap is settled on the next start. On each database.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class KeyRotationIT {
    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Map<String, String> env;
    private String account;
    private String connector;
    private String webhookSecret;

    @BeforeEach
    void secrets() {
        env = new HashMap<>(Map.of("COMPRESSOR_DATA_DIR", dir.toString(), "COMPRESSOR_DATABASE_URL", TestDatabases.fresh(engine, dir)));
        try (Application app = Application.open(ConfigLoader.load(env))) {
            account = app.accounts().create("Keys", null).id();
            connector = app.connectors().create(account, new ConnectorService.NewConnector("bucket", Provider.S3_COMPATIBLE,
                    "http://127.0.0.1:9", null, null, null, new Credentials("AKIA", "s3cret"))).id();
            webhookSecret = app.accounts().webhookSecret(account);
        }
    }

    @Test
    void aRotationThatFailsHalfWayReSealsNothingAndKeepsTheKey() throws Exception {
        String other;
        try (Application app = Application.open(ConfigLoader.load(env))) {
            other = app.accounts().create("Damaged", null).id();
            app.accounts().webhookSecret(other);
        }
        try (var db = io.compressor.db.Database.open(ConfigLoader.load(env).db())) {
            // a webhook secret that opens under no key: the rotation fails on it, after the connector was re-sealed
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE accounts SET webhook_secret_sealed = :bad WHERE id = :id")
                    .bind("bad", "sealed:" + Base64.getEncoder().encodeToString(new byte[64])).bind("id", other).execute());
        }
        byte[] before = Files.readAllBytes(dir.resolve("master.key"));
        Run rotated = run("connectors", "rotate-key");
        assertThat(rotated.exit()).isEqualTo(1);
        assertThat(rotated.err()).contains("Nothing was re-sealed, the master key is unchanged");
        assertThat(Files.readAllBytes(dir.resolve("master.key"))).isEqualTo(before);
        assertThat(dir.resolve(KeyRotation.PENDING)).doesNotExist();
        assertSecretsOpen();
    }

    @Test
    void aRotationStoppedAfterItsTransactionCommittedLeavesTheNewKeyInPlaceOnTheNextStart() throws Exception {
        byte[] next = MasterKey.fresh();
        try (Application app = Application.open(ConfigLoader.load(env))) {
            MasterKey.write(dir.resolve(KeyRotation.PENDING), next); // as rotate-key does, once the application is open
            assertThat(app.reseal(new SecretBox(next))).isEqualTo(new KeyRotation.Resealed(1, 1));
        } // stopped here: the key file was not swapped
        assertSecretsOpen();
        assertThat(key(dir.resolve("master.key"))).isEqualTo(next);
        assertThat(dir.resolve(KeyRotation.PENDING)).doesNotExist();
    }

    @Test
    void aRotationStoppedBeforeItsTransactionCommittedLeavesTheOldKeyInPlaceOnTheNextStart() throws Exception {
        byte[] before = key(dir.resolve("master.key"));
        MasterKey.write(dir.resolve(KeyRotation.PENDING), MasterKey.fresh());
        assertSecretsOpen();
        assertThat(key(dir.resolve("master.key"))).isEqualTo(before);
        assertThat(dir.resolve(KeyRotation.PENDING)).doesNotExist();
    }

    @Test
    void withTheKeyInTheEnvironmentTheNewKeyIsShownBeforeAnythingIsReSealed() throws Exception {
        String current = Base64.getEncoder().encodeToString(key(dir.resolve("master.key")));
        env.put("COMPRESSOR_MASTER_KEY", current);
        Run rotated = run("connectors", "rotate-key");
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        String[] lines = rotated.out().strip().split("\n");
        assertThat(lines[0]).isEqualTo("The new master key (shown once):");
        assertThat(lines[2]).startsWith("Re-sealed 1 connector(s) and 1 webhook secret(s)");
        env.put("COMPRESSOR_MASTER_KEY", lines[1].strip());
        assertSecretsOpen();
    }

    private void assertSecretsOpen() {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            var c = app.connectors().get(account, connector);
            assertThat(app.connectors().credentials(c).secretAccessKey()).isEqualTo("s3cret");
            assertThat(app.accounts().webhookSecret(account)).isEqualTo(webhookSecret);
        }
    }

    private static byte[] key(Path file) throws Exception {
        return MasterKey.read(file);
    }

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
