package io.compressor.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.testing.TestDatabases;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Two nodes' signals over one real PostgreSQL: a job queued on one wakes the workers of both, and a job's end on one
/// reaches the long polls of the other, with its id.
class PostgresJobSignalsIT {
    @TempDir
    Path dir;

    @Test
    void aJobQueuedOnOneNodeWakesEveryNodeAndAnEndReachesTheOthersWithItsId() throws Exception {
        DbConfig config = new DbConfig(TestDatabases.fresh("postgres", dir), null, null, 2);
        try (Database database = Database.open(config);
                PostgresJobSignals first = new PostgresJobSignals(database, config);
                PostgresJobSignals second = new PostgresJobSignals(database, config)) {
            CountDownLatch firstWoken = new CountDownLatch(1);
            CountDownLatch secondWoken = new CountDownLatch(1);
            BlockingQueue<String> endsSeenBySecond = new LinkedBlockingQueue<>();
            first.listen(id -> { }, firstWoken::countDown);
            second.listen(endsSeenBySecond::add, secondWoken::countDown);

            // a listener starts listening a moment after `listen` returns, and a signal sent before that is not kept
            for (int i = 0; i < 50 && secondWoken.getCount() > 0; i++) {
                first.enqueued();
                secondWoken.await(200, TimeUnit.MILLISECONDS);
            }
            assertThat(secondWoken.getCount()).as("the other node's workers were woken").isZero();
            assertThat(firstWoken.await(5, TimeUnit.SECONDS)).as("and this node's").isTrue();
            assertThat(endsSeenBySecond).as("a queued job is no job's end").isEmpty();

            first.ended("job-1");
            assertThat(endsSeenBySecond.poll(5, TimeUnit.SECONDS)).isEqualTo("job-1");
        }
    }
}
