package io.compressor.job;

import io.compressor.error.ErrorCode;
import io.compressor.error.RetryLaterException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/// Back-pressure for image processing: a fixed number of permits, and a bounded queue of callers
/// waiting for one. A caller beyond the queue is refused at once with `busy`, never left to time out.
///
/// The work runs on the permits' own platform threads, first come first served, while the caller waits. Requests
/// are handled on virtual threads, and a virtual thread inside libvips (a native call) pins the carrier it runs on:
/// with the work on those carriers, two images in progress on two cores left no carrier to read the next uploads or
/// write the finished answers, and some requests waited seconds behind others (`bench/http.sh`, p99).
public final class Permits {
    private static final int WAITING = 0;
    private static final int STARTED = 1;
    private static final int CALLED_OFF = 2;
    private final ExecutorService workers;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();

    public Permits(int permits, int queue) {
        if (permits < 1 || queue < 0) {
            throw new IllegalArgumentException("permits must be at least 1 and the queue 0 or more");
        }
        this.workers = Executors.newFixedThreadPool(permits, Thread.ofPlatform().daemon().name("image-", 1).factory());
        this.capacity = permits + queue;
    }

    private static RetryLaterException busy() {
        return new RetryLaterException(ErrorCode.BUSY, "The server is busy processing other images; retry after"
                + " the time in the Retry-After header.", Duration.ofSeconds(2));
    }

    /// Requests holding a permit or waiting for one: what `/metrics` shows as the processing load.
    public int admitted() {
        return admitted.get();
    }

    /// Refuses with `busy` now when every permit and every place in the queue is taken: a request can then be
    /// answered before its body is read. Reserves nothing; `run` decides.
    public void refuseIfFull() {
        if (admitted.get() >= capacity) {
            throw busy();
        }
    }

    public <T> T run(Supplier<T> work) {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            throw busy();
        }
        // The permit is given back by whoever holds the work last: the worker when the work ran (also when the caller
        // stopped waiting for it, since it goes on to its end), or the caller when the work was called off unstarted.
        AtomicInteger state = new AtomicInteger(WAITING);
        Future<T> running;
        try {
            running = workers.submit(() -> {
                if (!state.compareAndSet(WAITING, STARTED)) {
                    return null;
                }
                try {
                    return work.get();
                } finally {
                    admitted.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            admitted.decrementAndGet();
            throw e;
        }
        try {
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("image processing failed", e.getCause());
        } catch (InterruptedException | CancellationException e) {
            if (state.compareAndSet(WAITING, CALLED_OFF)) {
                running.cancel(false);
                admitted.decrementAndGet();
            }
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while processing an image", e);
        }
    }
}
