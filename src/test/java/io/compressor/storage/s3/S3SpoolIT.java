package io.compressor.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.storage.Provider;
import io.compressor.storage.SpoolConfig;
import io.compressor.testing.TestS3;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/// The spool in a bucket of the real S3 gateway lists what was written before a time, under its own prefix only: what
/// the sweep of inputs no queued job names reads (`JobService.sweepSpool`).
class S3SpoolIT {
    @Test
    void writtenBeforeListsTheSpoolsOwnKeysWrittenBeforeTheCutoff() {
        S3Client admin = TestS3.admin();
        String bucket = TestS3.createBucket(admin, "spool");
        admin.putObject(b -> b.bucket(bucket).key("elsewhere/not-ours"), RequestBody.fromString("another prefix"));
        S3Spool spool = new S3Spool(new SpoolConfig(Provider.S3_COMPATIBLE, TestS3.endpoint(), "us-east-1", bucket, "queued/",
                "test", "testsecret"));
        spool.write("job-1", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
        spool.write("job-2", new ByteArrayInputStream(new byte[] {4, 5}), 2);

        Instant soon = Instant.now().plus(Duration.ofMinutes(5)); // the gateway's clock may run a little ahead of ours
        assertThat(spool.writtenBefore(soon)).containsExactlyInAnyOrder("job-1", "job-2");
        assertThat(spool.writtenBefore(Instant.now().minus(Duration.ofHours(1)))).isEmpty();
        spool.delete("job-1");
        assertThat(spool.writtenBefore(soon)).containsExactly("job-2");
    }
}
