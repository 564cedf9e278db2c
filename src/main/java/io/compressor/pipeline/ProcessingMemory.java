package io.compressor.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/// The native memory the images in progress may hold together. Each image reserves what its size says it may
/// need (`workingSet`) once its header is read and before it is decoded, and waits, first come first served, until
/// that much is free; an image that needs more than the whole budget waits until it runs alone. So the processing
/// permits bound how many images run at once, and this bounds what they hold: two small images run side by side,
/// two 12-megapixel ones one after the other.
final class ProcessingMemory {
    /// 256 MiB: with the idle process and the uploads being received, a default server stays under 512 MB.
    static final long DEFAULT_BYTES = 256L << 20;
    private static final long POLL_MILLIS = 50;

    private final long capacity;
    private final Deque<Object> waiting = new ArrayDeque<>();
    private long free;

    ProcessingMemory(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the processing memory must be at least one byte");
        }
        this.capacity = capacity;
        this.free = capacity;
    }

    /// Memory reserved by one image, given back on `close`.
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    /// What an image's processing may hold at most: the input's bytes; a decoder that holds the whole picture
    /// (4 bytes a pixel of every frame); and the output's pixels rendered in memory for the quality search with an
    /// encoder's whole-image buffers beside them (8 bytes a pixel of every frame).
    static long workingSet(long inputBytes, long inputPixels, long outputPixels) {
        return inputBytes + 4 * inputPixels + 8 * outputPixels;
    }

    /// Reserves `bytes` (at most the whole budget), waiting for it in turn; returns `null` when `stop` says so first.
    Reservation reserve(long bytes, BooleanSupplier stop) {
        long want = Math.min(Math.max(bytes, 0), capacity);
        Object turn = new Object();
        synchronized (this) {
            waiting.addLast(turn);
            try {
                while (waiting.peekFirst() != turn || free < want) {
                    if (stop.getAsBoolean()) {
                        return null;
                    }
                    wait(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                waiting.remove(turn);
                notifyAll();
            }
            free -= want;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.getAndSet(false)) {
                release(want);
            }
        };
    }

    private synchronized void release(long bytes) {
        free += bytes;
        notifyAll();
    }

    /// Bytes not reserved now.
    synchronized long free() {
        return free;
    }
}
