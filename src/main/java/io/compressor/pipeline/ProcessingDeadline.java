package io.compressor.pipeline;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.vips.Cancellation;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/// The time one image's processing may take. When it is up, the libvips work of the image is stopped
/// (`Cancellation`: the running operation fails at its next tile) and the job is refused with `processing_timeout`;
/// the pipeline also checks between its steps and before every encode.
final class ProcessingDeadline {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Duration limit;

    ProcessingDeadline(Duration limit) {
        this.limit = limit;
    }

    /// Runs `work`, cancelling `cancellation` when the limit is reached; a failure after that is the timeout.
    <T> T run(Cancellation cancellation, Supplier<T> work) {
        ScheduledFuture<?> timer = TIMER.schedule(cancellation::cancel, limit.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (cancellation.cancelled()) {
                throw timeout();
            }
            throw e;
        } finally {
            timer.cancel(false);
        }
    }

    /// Throws `processing_timeout` once `cancellation` is cancelled.
    void check(Cancellation cancellation) {
        if (cancellation.cancelled()) {
            throw timeout();
        }
    }

    private ServiceException timeout() {
        return new ServiceException(ErrorCode.PROCESSING_TIMEOUT, "Processing this image took longer than its "
                + limit.toSeconds() + " s deadline and was stopped. Send a smaller image, or ask for less work: a smaller"
                + " resize, a fixed quality, or one format instead of smallest.");
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "processing-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
