package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.account.SecretBox;
import io.compressor.testing.TestS3;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/// `compressor connectors …` against the real gateway, and rotating the master key.
class ConnectorsCliIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void createListTestRotateAndDelete() throws Exception {
        String endpoint = TestS3.endpoint();
        String bucket;
        try (S3Client admin = TestS3.admin(endpoint)) {
            bucket = TestS3.createBucket(admin, "cli");
        }
        Map<String, String> env = new HashMap<>(Map.of("COMPRESSOR_DATA_DIR", dir.toString(), "S3_SECRET", "testsecret"));
        String account = match("Created account ([0-9a-f-]{36})", run(env, "accounts", "create", "--name", "CLI").out());

        Run created = run(env, "connectors", "create", "--account", account, "--name", "gateway", "--provider",
                "s3-compatible", "--endpoint", endpoint, "--access-key-id", "test", "--secret-env", "S3_SECRET",
                "--bucket", bucket);
        assertThat(created.exit()).as(created.err()).isZero();
        String connector = match("Created connector ([0-9a-f-]{36})", created.out());

        Run list = run(env, "connectors", "list", "--account", account);
        assertThat(list.out()).contains(connector).contains("••••test").contains(bucket).doesNotContain("testsecret");
        assertThat(run(env, "connectors", "test", "--account", account, connector).out()).contains("OK: wrote and removed");

        String webhookSecret;
        try (Application app = Application.open(ConfigLoader.load(env))) {
            webhookSecret = app.accounts().webhookSecret(account);
        }
        byte[] oldKey = Base64.getDecoder().decode(Files.readString(dir.resolve("master.key")).strip());
        Run rotated = run(env, "connectors", "rotate-key");
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains("Re-sealed 1 connector(s) and 1 webhook secret(s)");
        byte[] newKey = Base64.getDecoder().decode(Files.readString(dir.resolve("master.key")).strip());
        assertThat(newKey).isNotEqualTo(oldKey).hasSize(32);
        assertThat(run(env, "connectors", "test", "--account", account, connector).out()).as("opens under the new key")
                .contains("OK: wrote and removed");
        try (Application app = Application.open(ConfigLoader.load(env))) {
            var c = app.connectors().get(account, connector);
            assertThat(app.connectors().credentials(c).secretAccessKey()).isEqualTo("testsecret");
            assertThat(app.accounts().webhookSecret(account)).as("the webhook secret opens under the new key")
                    .isEqualTo(webhookSecret);
        }
        try (var db = io.compressor.db.Database.open(ConfigLoader.load(env).db())) {
            var withOldKey = new io.compressor.account.ConnectorService(new io.compressor.db.SqlConnectorStore(db),
                    new SecretBox(oldKey), spec -> null, java.time.Clock.systemUTC());
            var c = withOldKey.get(account, connector);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> withOldKey.credentials(c))
                    .as("the old key no longer opens the credentials").hasMessageContaining("wrong master key");
        }

        Run wrongProvider = run(env, "connectors", "create", "--account", account, "--name", "x", "--provider", "dropbox",
                "--access-key-id", "a", "--secret-env", "S3_SECRET");
        assertThat(wrongProvider.exit()).isEqualTo(1);
        assertThat(wrongProvider.err()).contains("--provider: expected one of aws, digitalocean");

        assertThat(run(env, "connectors", "delete", "--account", account, connector).out()).contains("Deleted connector");
        assertThat(run(env, "connectors", "list", "--account", account).out()).doesNotContain(connector);
    }

    private static String match(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
