package io.compressor.vips;

import java.util.ArrayList;
import java.util.List;

/// Stops the libvips work of one job: `cancel` kills every scope tracked (`Scope.kill`), and any scope tracked
/// after it. Thread-safe: the job's thread tracks its scopes, a timer cancels.
public final class Cancellation {
    private final List<Scope> scopes = new ArrayList<>();
    private boolean cancelled;

    /// `scope`, killed at once when the work is already cancelled.
    public synchronized Scope track(Scope scope) {
        if (cancelled) {
            scope.kill();
        } else {
            scopes.removeIf(Scope::closed);
            scopes.add(scope);
        }
        return scope;
    }

    public synchronized void cancel() {
        cancelled = true;
        scopes.forEach(Scope::kill);
        scopes.clear();
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }
}
