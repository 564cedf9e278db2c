package io.compressor.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.error.RetryLaterException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Every test is bounded: a bug in the permits fails it within 30 s instead of hanging the run.
@Timeout(30)
class PermitsTest {
    /// Waits until `condition` holds, failing after 10 s.
    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited 10 s for " + what).isNegative();
            Thread.sleep(5);
        }
    }

    @Test
    void twoPermitsAndAQueueOfFourAdmitSixOfTwentyAndRefuseTheRestAtOnce() throws Exception {
        Permits permits = new Permits(2, 4);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<String>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 6; i++) {
                calls.add(threads.submit(() -> permits.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return "done";
                })));
            }
            waitUntil("six admitted", () -> permits.admitted() >= 6);
            int refused = 0;
            for (int i = 0; i < 14; i++) {
                try {
                    permits.run(() -> "should not run");
                } catch (RetryLaterException e) {
                    assertThat(e.code()).isEqualTo("busy");
                    assertThat(e.retryAfter()).isPositive();
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(14);
            // admitted counts the queue too: wait until both permits' work has begun
            waitUntil("both permits at work", () -> running.get() >= 2);
            release.countDown();
            for (Future<String> call : calls) {
                assertThat(call.get()).isEqualTo("done");
            }
        }
        assertThat(most).as("never more than two at work").hasValue(2);
        assertThat(permits.admitted()).isZero();
        assertThat(permits.run(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void theWorkRunsOnAPlatformThreadOfItsOwnWhateverTheCallerIs() throws Exception {
        Permits permits = new Permits(1, 1);
        String[] seen = new String[2];
        Thread caller = Thread.ofVirtual().start(() -> {
            Thread worker = permits.run(Thread::currentThread);
            seen[0] = worker.isVirtual() ? "virtual" : "platform";
            seen[1] = worker.getName();
        });
        caller.join();
        assertThat(seen[0]).isEqualTo("platform");
        assertThat(seen[1]).startsWith("image-");
    }

    @Test
    void whatTheWorkThrowsReachesTheCallerAsItIs() {
        Permits permits = new Permits(1, 0);
        IllegalArgumentException thrown = new IllegalArgumentException("bad image");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> permits.run(() -> {
            throw thrown;
        })).isSameAs(thrown);
        assertThat(permits.admitted()).isZero();
    }

    @Test
    void aCallerThatStopsWaitingKeepsItsPermitTakenUntilTheWorkEnds() throws Exception {
        Permits permits = new Permits(1, 0);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicReference<Throwable> gaveUp = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                permits.run(held(started, finish, "done"));
            } catch (RuntimeException e) {
                gaveUp.set(e);
            }
        });
        started.await();
        caller.interrupt();
        caller.join();
        assertThat(gaveUp.get()).as("the interrupted caller gives up waiting").isInstanceOf(IllegalStateException.class);
        assertThat(permits.admitted()).as("the work still runs, so its permit is still taken").isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> permits.run(() -> "no room"))
                .isInstanceOf(RetryLaterException.class);
        finish.countDown();
        waitUntil("the permit back", () -> permits.admitted() == 0);
        assertThat(permits.run(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void aCallerThatStopsWaitingBeforeItsWorkStartedGivesThePermitBackAndTheWorkNeverRuns() throws Exception {
        Permits permits = new Permits(1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread first = Thread.ofPlatform().start(() -> permits.run(held(started, finish, "first")));
        started.await();
        AtomicInteger ranSecond = new AtomicInteger();
        AtomicReference<Throwable> calledOff = new AtomicReference<>();
        Thread second = Thread.ofPlatform().start(() -> {
            try {
                permits.run(ranSecond::incrementAndGet);
            } catch (RuntimeException e) {
                calledOff.set(e);
            }
        });
        waitUntil("the second queued", () -> permits.admitted() >= 2);
        second.interrupt();
        second.join();
        assertThat(calledOff.get()).as("interrupted while queued").isInstanceOf(IllegalStateException.class);
        assertThat(permits.admitted()).as("only the first one's work holds a permit").isEqualTo(1);
        finish.countDown();
        first.join();
        assertThat(permits.run(() -> "free again")).isEqualTo("free again");
        assertThat(ranSecond).as("called off before it started").hasValue(0);
        assertThat(permits.admitted()).isZero();
    }

    /// Work that says it started and then holds its permit until `finish` opens.
    private static java.util.function.Supplier<String> held(CountDownLatch started, CountDownLatch finish, String result) {
        return () -> {
            started.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        };
    }
}
