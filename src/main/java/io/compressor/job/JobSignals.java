package io.compressor.job;

import java.util.function.Consumer;

/// Tells every node that a job ended, so a long poll on one node wakes when the job ends on another, and that a job
/// was queued, so idle workers on every node claim it at once instead of at their next look (once a second).
/// PostgreSQL carries both with NOTIFY; a single SQLite node needs nothing beyond its own events.
public interface JobSignals extends AutoCloseable {
    /// Announces the end of a job to every node (this one included, by `listen`).
    void ended(String jobId);

    /// Announces a newly queued job to every other node (this one's workers were woken already, and are not again).
    void enqueued();

    /// Starts delivering every announced end to `onEnded`, and every job newly queued on another node to `onEnqueued`.
    void listen(Consumer<String> onEnded, Runnable onEnqueued);

    @Override
    void close();

    JobSignals LOCAL = new JobSignals() {
        @Override
        public void ended(String jobId) {
            // one node: JobEvents already woke its own waiters
        }

        @Override
        public void enqueued() {
            // one node: its own workers were woken already
        }

        @Override
        public void listen(Consumer<String> onEnded, Runnable onEnqueued) {
            // nothing arrives from elsewhere
        }

        @Override
        public void close() {
            // nothing to stop
        }
    };
}
