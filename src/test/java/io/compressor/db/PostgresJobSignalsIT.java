package io.compressor.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.testing.TestDatabases;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Two nodes' signals over one real PostgreSQL: a job queued on one wakes the workers of the other (not its own, which
/// were woken already), and a job's end on one reaches the long polls of the other, with its id.
class PostgresJobSignalsIT {
    @TempDir
    Path dir;

    @Test
    void aJobQueuedOnOneNodeWakesTheOtherAndAnEndReachesTheOthersWithItsId() throws Exception {
        DbConfig config = new DbConfig(TestDatabases.fresh("postgres", dir), null, null, 2);
        try (Database database = Database.open(config);
                PostgresJobSignals first = new PostgresJobSignals(database, config);
                PostgresJobSignals second = new PostgresJobSignals(database, config)) {
            AtomicInteger firstWoken = new AtomicInteger();
            AtomicInteger secondWoken = new AtomicInteger();
            BlockingQueue<String> endsSeenBySecond = new LinkedBlockingQueue<>();
            first.listen(id -> { }, firstWoken::incrementAndGet);
            second.listen(endsSeenBySecond::add, secondWoken::incrementAndGet);
            // a listener starts listening a moment after `listen` returns, and a signal sent before that is not kept
            signalUntilWoken(first, secondWoken);
            signalUntilWoken(second, firstWoken);
            Thread.sleep(300); // the last of those signals arrives everywhere

            int before = firstWoken.get();
            int secondBefore = secondWoken.get();
            first.enqueued();
            first.enqueued();
            second.enqueued(); // delivered after the two above: signals arrive in the order they were sent
            await(() -> firstWoken.get() > before && secondWoken.get() >= secondBefore + 2);
            Thread.sleep(300); // time for any signal of its own to arrive too, had it not been left out
            assertThat(firstWoken.get()).as("only the other node's signal woke this node").isEqualTo(before + 1);
            assertThat(endsSeenBySecond).as("a queued job is no job's end").isEmpty();

            first.ended("job-1");
            assertThat(endsSeenBySecond.poll(5, TimeUnit.SECONDS)).isEqualTo("job-1");
        }
    }

    private static void signalUntilWoken(PostgresJobSignals sender, AtomicInteger woken) throws InterruptedException {
        for (int i = 0; i < 50 && woken.get() == 0; i++) {
            sender.enqueued();
            Thread.sleep(200);
        }
        assertThat(woken.get()).as("the other node's workers were woken").isPositive();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within 5 s").isTrue();
    }
}
