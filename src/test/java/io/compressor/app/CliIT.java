package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/// `compressor accounts …` and `compressor keys …` in-process, against a real database of each engine.
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgres"})
class CliIT {
    private static final Pattern SECRET = Pattern.compile("cmp_[A-Za-z0-9_-]{40}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Map<String, String> env;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void database() {
        env = Map.of("COMPRESSOR_DATA_DIR", dir.toString(), "COMPRESSOR_DATABASE_URL", TestDatabases.fresh(engine, dir));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(env, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void accountsCreateAndListWithAFirstKeyShownOnce() {
        Run created = run("accounts", "create", "--name", "Agency One", "--email", "Team@Agency.test");
        assertThat(created.exit()).isZero();
        assertThat(created.out()).contains("Created account").containsPattern(SECRET);
        Run list = run("accounts", "list");
        assertThat(list.out()).contains("Agency One").contains("team@agency.test").contains(first(ID, created.out()));
        assertThat(list.out()).doesNotContainPattern(SECRET);
    }

    @Test
    void aDuplicateEmailOrMissingNameIsRefusedWithTheReason() {
        run("accounts", "create", "--name", "A", "--email", "a@x.test");
        Run duplicate = run("accounts", "create", "--name", "B", "--email", "a@x.test");
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("email: an account with \"a@x.test\" already exists");
        Run missing = run("accounts", "create");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--name=NAME'");
    }

    @Test
    void keysAreShownOnceListedByPrefixAndRevoked() throws Exception {
        run("accounts", "create", "--name", "Only");
        Run created = run("keys", "create", "--label", "ci");
        assertThat(created.exit()).as(created.err()).isZero();
        String secret = first(SECRET, created.out());
        String keyId = first(ID, created.out().substring(created.out().indexOf("API key")));

        Run list = run("keys", "list");
        assertThat(list.out()).contains(keyId).contains(secret.substring(0, 12) + "…").contains("ci").contains("active")
                .doesNotContain(secret);

        try (Application app = Application.open(ConfigLoader.load(env))) {
            assertThat(app.keys().authenticate(secret)).isPresent();
        }
        assertThat(run("keys", "revoke", keyId).out()).contains("Revoked API key " + keyId);
        assertThat(run("keys", "list").out()).contains("revoked");
        try (Application app = Application.open(ConfigLoader.load(env))) {
            assertThat(app.keys().authenticate(secret)).isEmpty();
        }
        assertThat(run("keys", "revoke", "no-such-key").err()).contains("No API key with id \"no-such-key\"");
    }

    @Test
    void keysCreateNeedsAnAccountWhenThereAreSeveral() {
        run("accounts", "create", "--name", "One");
        run("accounts", "create", "--name", "Two");
        Run ambiguous = run("keys", "create");
        assertThat(ambiguous.exit()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("--account: there are 2 accounts");
    }

    @Test
    void onlyTheHashOfAKeyIsStored() throws Exception {
        String secret = first(SECRET, run("accounts", "create", "--name", "Hash").out());
        String url = env.get("COMPRESSOR_DATABASE_URL");
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("SELECT * FROM api_keys")) {
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertThat(String.valueOf(rs.getObject(i))).doesNotContain(secret.substring(4));
            }
            assertThat(rs.getString("secret_hash")).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));
        }
        if (engine.equals("sqlite")) {
            try (var files = Files.list(dir)) {
                files.forEach(f -> assertThat(readLatin1(f)).doesNotContain(secret.substring(4)));
            }
        }
    }

    private static String readLatin1(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return m.group();
    }
}
