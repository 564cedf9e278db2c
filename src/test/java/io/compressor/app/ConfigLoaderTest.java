package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @Test
    void emptyEnvironmentGivesTheEmbeddedDefaults() {
        AppConfig config = ConfigLoader.load(Map.of());
        assertThat(config.api().host()).isEqualTo("127.0.0.1");
        assertThat(config.api().port()).isEqualTo(8080);
        assertThat(config.api().tls()).isEmpty();
        assertThat(config.api().publicUrl()).isEmpty();
        assertThat(config.db().url()).isEqualTo("jdbc:sqlite:./data/compressor.db");
        assertThat(config.db().sqlite()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.engine().limits().searchTime()).isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void theSearchTimeIsReadInMillisecondsAndMayBeZero() {
        assertThat(ConfigLoader.load(Map.of("COMPRESSOR_SEARCH_TIME_MS", "0")).engine().limits().searchTime()).isZero();
        assertThat(ConfigLoader.load(Map.of("COMPRESSOR_SEARCH_TIME_MS", "250")).engine().limits().searchTime())
                .isEqualTo(java.time.Duration.ofMillis(250));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("COMPRESSOR_SEARCH_TIME_MS", "-1")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "COMPRESSOR_SEARCH_TIME_MS: expected a whole number from 0 to 3600000 but received \"-1\""));
    }

    @Test
    void everyProblemIsReportedTogetherNamingItsVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                "COMPRESSOR_PORT", "abc",
                "COMPRESSOR_DATABASE_URL", "mysql://db/x",
                "COMPRESSOR_PUBLIC_URL", "ftp://x",
                "COMPRESSOR_DATABASE_POOL_SIZE", "0")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "COMPRESSOR_PORT: expected a whole number from 0 to 65535 but received \"abc\"",
                        "COMPRESSOR_PUBLIC_URL: expected an absolute http:// or https:// URL but received \"ftp://x\"",
                        "COMPRESSOR_DATABASE_POOL_SIZE: expected a whole number from 1 to 200 but received \"0\"",
                        "COMPRESSOR_DATABASE_URL: expected a jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB URL"
                                + " but received \"mysql://db/x\""))
                .hasMessageContaining("docs/configuration.md");
    }

    @Test
    void postgresUrlSelectsPostgresAndThePasswordNeverShows() {
        AppConfig config = ConfigLoader.load(Map.of(
                "COMPRESSOR_DATABASE_URL", "jdbc:postgresql://db:5432/compressor?user=app&password=hunter2"));
        assertThat(config.db().sqlite()).isFalse();
        assertThat(config.db().toString()).doesNotContain("hunter2").contains("password=****");
    }

    @Test
    void tlsNeedsBothReadableFiles(@TempDir Path dir) throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("COMPRESSOR_TLS_CERT", cert.toString())))
                .hasMessageContaining("COMPRESSOR_TLS_KEY: COMPRESSOR_TLS_CERT and COMPRESSOR_TLS_KEY must be set together");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("COMPRESSOR_TLS_CERT", cert.toString(),
                "COMPRESSOR_TLS_KEY", dir.resolve("missing.pem").toString())))
                .hasMessageContaining("COMPRESSOR_TLS_KEY: file \"" + dir.resolve("missing.pem") + "\" does not exist");
    }

    @Test
    void publicUrlLosesItsTrailingSlash() {
        AppConfig config = ConfigLoader.load(Map.of("COMPRESSOR_PUBLIC_URL", "https://img.example.com/"));
        assertThat(config.api().publicUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://img.example.com"));
    }
}
