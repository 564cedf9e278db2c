package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProcessingMemoryTest {
    private static final long MB = 1 << 20;
    /// A thread for every waiter: the common pool may have a single one on a small machine.
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    @Test
    void reservationsThatFitTogetherRunTogether() {
        ProcessingMemory memory = new ProcessingMemory(100 * MB);
        ProcessingMemory.Reservation a = memory.reserve(40 * MB, () -> false);
        ProcessingMemory.Reservation b = memory.reserve(60 * MB, () -> false);
        assertThat(memory.free()).isZero();
        a.close();
        b.close();
        assertThat(memory.free()).isEqualTo(100 * MB);
    }

    @Test
    void aReservationWaitsUntilItsShareIsGivenBack() throws Exception {
        ProcessingMemory memory = new ProcessingMemory(100 * MB);
        ProcessingMemory.Reservation first = memory.reserve(70 * MB, () -> false);
        CompletableFuture<ProcessingMemory.Reservation> second = CompletableFuture.supplyAsync(() -> memory.reserve(70 * MB, () -> false), THREADS);
        Thread.sleep(300);
        assertThat(second).isNotDone();
        first.close();
        second.get(5, TimeUnit.SECONDS).close();
        assertThat(memory.free()).isEqualTo(100 * MB);
    }

    @Test
    void anImageLargerThanTheBudgetRunsAloneRatherThanNever() throws Exception {
        ProcessingMemory memory = new ProcessingMemory(100 * MB);
        ProcessingMemory.Reservation small = memory.reserve(10 * MB, () -> false);
        CompletableFuture<ProcessingMemory.Reservation> huge = CompletableFuture.supplyAsync(() -> memory.reserve(500 * MB, () -> false), THREADS);
        Thread.sleep(300);
        assertThat(huge).isNotDone();
        small.close();
        ProcessingMemory.Reservation alone = huge.get(5, TimeUnit.SECONDS);
        assertThat(memory.free()).isZero();
        alone.close();
    }

    @Test
    void turnsAreFirstComeFirstServedSoALargeImageIsNotOvertakenForever() throws Exception {
        ProcessingMemory memory = new ProcessingMemory(100 * MB);
        ProcessingMemory.Reservation running = memory.reserve(50 * MB, () -> false);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> large = CompletableFuture.runAsync(() -> {
            ProcessingMemory.Reservation held = memory.reserve(80 * MB, () -> false);
            order.add("large");
            held.close();
        }, THREADS);
        Thread.sleep(200);
        // fits in what is free now (not beside the large one), but the large image asked first
        CompletableFuture<Void> small = CompletableFuture.runAsync(() -> {
            ProcessingMemory.Reservation held = memory.reserve(30 * MB, () -> false);
            order.add("small");
            held.close();
        }, THREADS);
        Thread.sleep(300);
        assertThat(small).isNotDone();
        running.close();
        CompletableFuture.allOf(large, small).get(5, TimeUnit.SECONDS);
        assertThat(order).containsExactly("large", "small");
    }

    @Test
    void aWaitCalledOffReservesNothingAndLetsTheNextInLineGo() throws Exception {
        ProcessingMemory memory = new ProcessingMemory(100 * MB);
        ProcessingMemory.Reservation running = memory.reserve(90 * MB, () -> false);
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<ProcessingMemory.Reservation> stopped = CompletableFuture.supplyAsync(() -> memory.reserve(50 * MB, stop::get), THREADS);
        Thread.sleep(200);
        CompletableFuture<ProcessingMemory.Reservation> next = CompletableFuture.supplyAsync(() -> memory.reserve(10 * MB, () -> false), THREADS);
        Thread.sleep(200);
        assertThat(next).isNotDone();
        stop.set(true);
        assertThat(stopped.get(5, TimeUnit.SECONDS)).isNull();
        next.get(5, TimeUnit.SECONDS).close();
        running.close();
        assertThat(memory.free()).isEqualTo(100 * MB);
    }

    @Test
    void givingBackTwiceGivesBackOnce() {
        ProcessingMemory memory = new ProcessingMemory(100 * MB);
        ProcessingMemory.Reservation held = memory.reserve(30 * MB, () -> false);
        held.close();
        held.close();
        assertThat(memory.free()).isEqualTo(100 * MB);
    }

    @Test
    void theWorkingSetGrowsWithTheInputAndTheOutput() {
        long twelveMegapixels = 4000L * 3000;
        assertThat(ProcessingMemory.workingSet(5 * MB, twelveMegapixels, twelveMegapixels)).isBetween(140 * MB, 160 * MB);
        assertThat(ProcessingMemory.workingSet(5 * MB, twelveMegapixels, 720L * 540))
                .isLessThan(ProcessingMemory.workingSet(5 * MB, twelveMegapixels, twelveMegapixels) / 2);
        assertThatThrownBy(() -> new ProcessingMemory(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
