package io.compressor.vips;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Owns every image made while it is open and releases them all on close, in reverse order.
/// One pipeline run is one scope, so no early return or exception can leak a native reference.
/// A scope belongs to the thread that runs the pipeline; only `kill` may come from another thread.
public final class Scope implements AutoCloseable, VImage.Owner {
    private final Vips vips;
    private final List<VImage> owned = new ArrayList<>();
    private final List<Blob> blobs = new ArrayList<>();
    private boolean closed;
    private boolean killed;

    Scope(Vips vips) {
        this.vips = vips;
    }

    @Override
    public synchronized VImage adopt(MemorySegment pointer) {
        if (closed) {
            new VImage(vips, this, pointer).release();
            throw new IllegalStateException("scope is closed");
        }
        VImage image = new VImage(vips, this, pointer);
        if (killed) {
            image.kill();
        }
        owned.add(image);
        return image;
    }

    /// Stops libvips' work on every image of this scope, now and made from now on: the operation computing one
    /// fails at its next tile. Called from another thread (a deadline's timer); nothing once the scope is closed.
    public synchronized void kill() {
        if (closed || killed) {
            return;
        }
        killed = true;
        owned.forEach(VImage::kill);
    }

    synchronized boolean closed() {
        return closed;
    }

    /// The bytes copied once into native memory, to be handed to several loaders without copying again.
    public Blob blob(byte[] bytes) {
        requireOpen();
        return own(Blob.copyOf(vips.natives(), bytes));
    }

    /// Bytes the caller holds, read where they are; the caller keeps them until this scope is closed.
    public Blob blob(HeldBytes held) {
        requireOpen();
        return own(Blob.borrow(vips.natives(), held));
    }

    /// `size` bytes read from `in` into native memory, owned by this scope.
    public Blob blob(java.io.InputStream in, long size) throws java.io.IOException {
        requireOpen();
        return own(Blob.read(vips.natives(), in, size));
    }

    /// Checked before a blob is made: a closed scope would never release it.
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("scope is closed");
        }
    }

    private Blob own(Blob blob) {
        blobs.add(blob);
        return blob;
    }

    /// Runs an operation whose main output is an image `out`.
    public VImage image(String operation, Map<String, ?> inputs) {
        return (VImage) call(operation, inputs).get("out");
    }

    /// Runs any operation and returns its required outputs.
    public Map<String, Object> call(String operation, Map<String, ?> inputs) {
        return call(operation, inputs, List.of());
    }

    /// Runs any operation and returns its required outputs and the optional ones named.
    public Map<String, Object> call(String operation, Map<String, ?> inputs, List<String> optionalOutputs) {
        if (closed) {
            throw new IllegalStateException("scope is closed");
        }
        return vips.operation().call(operation, inputs, optionalOutputs, this);
    }

    int size() {
        return owned.size();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).release();
        }
        owned.clear();
        blobs.forEach(Blob::release);
        blobs.clear();
    }
}
