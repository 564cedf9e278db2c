package io.compressor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadBufferingTest {
    @TempDir
    Path dir;

    @Test
    void uploadsStayInMemoryWhileTheBudgetHasRoomAndGoToAFileBeyondIt() {
        UploadBuffering buffering = new UploadBuffering(new ApiConfig.Uploads(10_000_000, dir), 256L << 20);
        try (var first = buffering.lease(6_000_000); var second = buffering.lease(5_000_000)) {
            assertThat(first.inMemory()).isTrue();
            assertThat(first.config().getFileSizeThreshold()).isEqualTo(6_000_000);
            assertThat(second.inMemory()).as("6 + 5 MB is over the 10 MB budget").isFalse();
            assertThat(second.config().getFileSizeThreshold()).isEqualTo(UploadBuffering.SMALL_PART);
            assertThat(second.config().getLocation()).isEqualTo(dir.toString());
            assertThat(buffering.held()).isEqualTo(6_000_000);
            try (var third = buffering.lease(4_000_000)) {
                assertThat(third.inMemory()).as("what is left fits").isTrue();
                assertThat(buffering.held()).isEqualTo(10_000_000);
            }
        }
        assertThat(buffering.held()).as("every lease gave its share back").isZero();
    }

    @Test
    void aBodyOfUnknownLengthAndEveryBodyUnderAZeroBudgetGoToAFile() {
        assertThat(new UploadBuffering(new ApiConfig.Uploads(10_000_000, dir), 1000).lease(-1).inMemory()).isFalse();
        UploadBuffering none = new UploadBuffering(new ApiConfig.Uploads(0, dir), 1000);
        try (var lease = none.lease(1)) {
            assertThat(lease.inMemory()).isFalse();
            assertThat(none.held()).isZero();
        }
    }

    @Test
    void theLimitsOfTheUploadAreTheServersWhicheverTheRoute() {
        UploadBuffering buffering = new UploadBuffering(new ApiConfig.Uploads(10_000_000, dir.resolve("uploads")), 2_000_000);
        try (var memory = buffering.lease(100); var disk = buffering.lease(-1)) {
            for (var lease : java.util.List.of(memory, disk)) {
                assertThat(lease.config().getMaxFileSize()).isEqualTo(2_000_000);
                assertThat(lease.config().getMaxRequestSize()).isEqualTo(2_000_000 + 1024 * 1024);
            }
        }
        assertThat(dir.resolve("uploads")).as("the folder for temporary files is made").isDirectory();
    }
}
