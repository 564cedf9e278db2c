package io.compressor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import io.compressor.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempHostingTest {
    @TempDir
    Path dir;

    @Test
    void servesUntilExpiryThenTheSweeperDeletesIt() throws Exception {
        MovableClock clock = new MovableClock();
        TempHosting hosting = new TempHosting(dir, Duration.ofHours(1), clock);
        String id = UUID.randomUUID().toString();
        TempHosting.Hosted hosted = hosting.host(id, "photo.webp", new byte[] {1, 2, 3});
        String expires = Long.toString(hosted.expiresEpochSecond());
        assertThat(hosted.expiresEpochSecond()).isEqualTo(clock.now.plusSeconds(3600).getEpochSecond());
        assertThat(hosting.find(expires, id, "photo.webp")).hasValueSatisfying(p -> assertThat(p).hasBinaryContent(new byte[] {1, 2, 3}));

        assertThat(hosting.find(Long.toString(hosted.expiresEpochSecond() + 1), id, "photo.webp")).as("other expiry").isEmpty();
        assertThat(hosting.find(expires, id, "other.webp")).as("other name").isEmpty();
        assertThat(hosting.find(expires, id, "../photo.webp")).as("path in name").isEmpty();
        assertThat(hosting.sweep()).isZero();

        clock.now = clock.now.plusSeconds(3600);
        assertThat(hosting.find(expires, id, "photo.webp")).as("expired").isEmpty();
        assertThat(hosting.sweep()).isEqualTo(1);
        assertThat(Files.exists(hosted.file())).isFalse();
    }

    @Test
    void aNewInstanceFindsWhatAnEarlierOneHosted() {
        MovableClock clock = new MovableClock();
        String id = UUID.randomUUID().toString();
        TempHosting.Hosted hosted = new TempHosting(dir, Duration.ofMinutes(5), clock).host(id, "a.png", new byte[] {9});
        assertThat(new TempHosting(dir, Duration.ofMinutes(5), clock).find(Long.toString(hosted.expiresEpochSecond()), id,
                "a.png")).isPresent();
    }

    @Test
    void eachResultIsOneFileInItsExpiryFolderWithNothingLeftBeside() throws Exception {
        MovableClock clock = new MovableClock();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        Path root = dir.resolve("results"); // not there yet: the first result makes it and its expiry folder
        TempHosting hosting = new TempHosting(root, Duration.ofHours(1), clock);
        TempHosting.Hosted hosted = hosting.host(first, "a.png", new byte[] {9});
        assertThat(hosting.host(second, "b.png", new byte[] {8}).expiresEpochSecond()).isEqualTo(hosted.expiresEpochSecond());
        try (var files = Files.list(root.resolve(Long.toString(hosted.expiresEpochSecond())))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(first + "-a.png", second + "-b.png");
        }
        assertThat(Files.readAllBytes(hosting.find(Long.toString(hosted.expiresEpochSecond()), second, "b.png").orElseThrow()))
                .containsExactly(8);
    }

    @Test
    void namesAreMadeSafe() {
        assertThat(Names.sanitize("../../etc/pa\u0001sswd.png")).isEqualTo("passwd.png");
        assertThat(Names.sanitize("C:\\Users\\x\\photo one.jpg")).isEqualTo("photo one.jpg");
        assertThat(Names.sanitize("..")).isEqualTo("image");
        assertThat(Names.sanitize("a<b>|c.jpg")).isEqualTo("a_b__c.jpg");
        assertThat(Names.sanitize("x".repeat(300) + ".jpeg")).hasSize(200).endsWith(".jpeg");
    }
}
