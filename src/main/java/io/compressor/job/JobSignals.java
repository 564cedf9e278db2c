package io.compressor.job;

import java.util.function.Consumer;

/// Tells every node that a job ended, so a long poll on one node wakes when the job ends on another.
/// PostgreSQL carries it with NOTIFY; a single SQLite node needs nothing beyond its own events.
public interface JobSignals extends AutoCloseable {
    /// Announces the end of a job to every node (this one included, by `listen`).
    void ended(String jobId);

    /// Starts delivering every announced end to `onEnded`.
    void listen(Consumer<String> onEnded);

    @Override
    void close();

    JobSignals LOCAL = new JobSignals() {
        @Override
        public void ended(String jobId) {
            // one node: JobEvents already woke its own waiters
        }

        @Override
        public void listen(Consumer<String> onEnded) {
            // nothing arrives from elsewhere
        }

        @Override
        public void close() {
            // nothing to stop
        }
    };
}
