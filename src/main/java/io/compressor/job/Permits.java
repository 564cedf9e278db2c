package io.compressor.job;

import io.compressor.error.ErrorCode;
import io.compressor.error.RetryLaterException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/// Back-pressure for image processing: a fixed number of permits, and a bounded queue of callers
/// waiting for one. A caller beyond the queue is refused at once with `busy`, never left to time out.
public final class Permits {
    private final Semaphore permits;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();

    public Permits(int permits, int queue) {
        if (permits < 1 || queue < 0) {
            throw new IllegalArgumentException("permits must be at least 1 and the queue 0 or more");
        }
        this.permits = new Semaphore(permits, true);
        this.capacity = permits + queue;
    }

    /// Requests holding a permit or waiting for one: what `/metrics` shows as the processing load.
    public int admitted() {
        return admitted.get();
    }

    public <T> T run(Supplier<T> work) {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            throw new RetryLaterException(ErrorCode.BUSY, "The server is busy processing other images; retry after"
                    + " the time in the Retry-After header.", Duration.ofSeconds(2));
        }
        try {
            permits.acquire();
            try {
                return work.get();
            } finally {
                permits.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a processing permit", e);
        } finally {
            admitted.decrementAndGet();
        }
    }
}
