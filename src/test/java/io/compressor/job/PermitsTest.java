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
import org.junit.jupiter.api.Test;

class PermitsTest {
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
            while (permits.admitted() < 6) {
                Thread.sleep(5);
            }
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
}
