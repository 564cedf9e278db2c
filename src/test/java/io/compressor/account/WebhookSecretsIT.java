package io.compressor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.db.Database;
import io.compressor.db.DbConfig;
import io.compressor.db.SqlAccountStore;
import io.compressor.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// Webhook secrets at rest, against the real databases: sealed under the master key like connector credentials,
/// bound to their account, sealed on first read when an older version stored them in clear, and re-sealed by a
/// new master key.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class WebhookSecretsIT {
    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Database database;
    private SqlAccountStore store;

    @BeforeEach
    void open() {
        database = Database.open(new DbConfig(TestDatabases.fresh(engine, dir), null, null, 2));
        store = new SqlAccountStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static SecretBox key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new SecretBox(key);
    }

    private AccountService accounts(SecretBox box) {
        return new AccountService(store, box, Clock.systemUTC());
    }

    /// What the database holds for the account, as any reader of it sees it: the sealed column, or else the clear
    /// one an older version wrote.
    private String stored(String accountId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(webhook_secret_sealed, '')"
                + " || '|' || COALESCE(webhook_secret, '') FROM accounts WHERE id = :id").bind("id", accountId)
                .mapTo(String.class).one());
    }

    /// A secret as an older version stored it: in clear.
    private void storeInClear(String accountId, String secret) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE accounts SET webhook_secret = :secret,"
                + " webhook_secret_sealed = NULL WHERE id = :id").bind("secret", secret).bind("id", accountId).execute());
    }

    @Test
    void theDatabaseNeverHoldsTheSecretInClear() {
        AccountService accounts = accounts(key(1));
        Account account = accounts.create("Hooks", null);
        String secret = accounts.webhookSecret(account.id());
        assertThat(secret).startsWith("whsec_");
        assertThat(stored(account.id())).startsWith(AccountService.SEALED).doesNotContain(secret)
                .doesNotContain(secret.substring(6, 20));
        assertThat(accounts.webhookSecret(account.id())).isEqualTo(secret);
        String rotated = accounts.rotateWebhookSecret(account.id());
        assertThat(rotated).isNotEqualTo(secret);
        assertThat(stored(account.id())).startsWith(AccountService.SEALED).doesNotContain(rotated);
        assertThat(accounts(key(1)).webhookSecret(account.id())).as("another process with the same key").isEqualTo(rotated);
    }

    @Test
    void aSecretStoredInClearBeforeSealingIsKeptAndSealedOnFirstRead() {
        AccountService accounts = accounts(key(1));
        Account account = accounts.create("Older", null);
        storeInClear(account.id(), "whsec_stored-in-clear-by-an-older-version");
        assertThat(accounts.webhookSecret(account.id())).isEqualTo("whsec_stored-in-clear-by-an-older-version");
        assertThat(stored(account.id())).startsWith(AccountService.SEALED).endsWith("|").doesNotContain("stored-in-clear");
        assertThat(accounts.webhookSecret(account.id())).isEqualTo("whsec_stored-in-clear-by-an-older-version");
    }

    @Test
    void aSealedSecretOpensOnlyUnderItsKeyAndForItsAccount() {
        AccountService accounts = accounts(key(1));
        Account a = accounts.create("A", null);
        Account b = accounts.create("B", null);
        String secret = accounts.webhookSecret(a.id());
        accounts.webhookSecret(b.id());
        assertThatThrownBy(() -> accounts(key(2)).webhookSecret(a.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(secret).hasMessageContaining("wrong master key");
        store.setWebhookSecret(b.id(), stored(a.id()).replace("|", "")); // a's sealed value copied to b's row
        assertThatThrownBy(() -> accounts.webhookSecret(b.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(secret);
    }

    @Test
    void aNewMasterKeyResealsEverySecret() {
        AccountService accounts = accounts(key(1));
        Account a = accounts.create("A", null);
        Account b = accounts.create("B", null);
        accounts.create("No webhooks yet", null);
        String secretA = accounts.webhookSecret(a.id());
        storeInClear(b.id(), "whsec_clear-one");
        assertThat(accounts.rotate(key(3))).isEqualTo(2);
        assertThat(accounts(key(3)).webhookSecret(a.id())).isEqualTo(secretA);
        assertThat(accounts(key(3)).webhookSecret(b.id())).isEqualTo("whsec_clear-one");
        assertThat(stored(b.id())).startsWith(AccountService.SEALED);
        assertThat(accounts.webhookSecret(a.id())).as("the service goes on with the new key").isEqualTo(secretA);
        assertThatThrownBy(() -> accounts(key(1)).webhookSecret(a.id())).isInstanceOf(IllegalStateException.class);
    }
}
