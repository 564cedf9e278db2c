package io.compressor.vips;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/// Bytes in libvips-owned memory (a `VipsBlob`), shared by every loader that reads them. libvips reads
/// a loader's buffer lazily, for as long as any image made from it lives, so the memory is g_malloc'd
/// and freed by libvips when the last reference goes: the scope's and those of the images.
public final class Blob {
    private final Native n;
    private final MemorySegment data;
    private final long size;
    private MemorySegment pointer;

    private Blob(Native n, MemorySegment data, long size, MemorySegment pointer) {
        this.n = n;
        this.data = data;
        this.size = size;
        this.pointer = pointer;
    }

    /// The bytes copied into libvips memory in one copy.
    static Blob copyOf(Native n, byte[] bytes) {
        MemorySegment data = allocate(n, bytes.length);
        MemorySegment.copy(bytes, 0, data, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return wrap(n, data, bytes.length);
    }

    /// Reads exactly `size` bytes from `in` straight into libvips memory, 64 KiB at a time, so that a
    /// large upload never sits whole on the Java heap.
    static Blob read(Native n, java.io.InputStream in, long size) throws java.io.IOException {
        MemorySegment data = allocate(n, size);
        long filled = 0;
        try {
            byte[] chunk = new byte[64 * 1024];
            int read;
            while (filled < size && (read = in.read(chunk, 0, (int) Math.min(chunk.length, size - filled))) != -1) {
                MemorySegment.copy(chunk, 0, data, ValueLayout.JAVA_BYTE, filled, read);
                filled += read;
            }
            if (filled != size || in.read() != -1) {
                throw new java.io.IOException("the input is not the " + size + " bytes it was announced as");
            }
        } catch (java.io.IOException | RuntimeException e) {
            free(n, data);
            throw e;
        }
        return wrap(n, data, size);
    }

    /// A `VipsBlob` over bytes the caller holds (`HeldBytes`), read where they are: libvips never frees them, and the
    /// caller keeps them until every image made from them is released.
    static Blob borrow(Native n, HeldBytes held) {
        MemorySegment data = held.segment();
        try {
            return new Blob(n, data, data.byteSize(), (MemorySegment) n.vips_blob_new.invoke(MemorySegment.NULL, data,
                    data.byteSize()));
        } catch (Throwable e) {
            throw new IllegalStateException("vips_blob_new", e);
        }
    }

    private static MemorySegment allocate(Native n, long size) {
        try {
            return ((MemorySegment) n.g_malloc.invoke(Math.max(1, size))).reinterpret(Math.max(1, size));
        } catch (Throwable e) {
            throw new IllegalStateException("g_malloc", e);
        }
    }

    /// A `VipsBlob` over `data`, which libvips frees with the blob; `data` is freed here if the blob cannot be made.
    private static Blob wrap(Native n, MemorySegment data, long size) {
        try {
            return new Blob(n, data, size, (MemorySegment) n.vips_blob_new.invoke(n.vips_area_free_cb, data, size));
        } catch (Throwable e) {
            free(n, data);
            throw new IllegalStateException("vips_blob_new", e);
        }
    }

    private static void free(Native n, MemorySegment data) {
        try {
            n.g_free.invoke(data);
        } catch (Throwable ignored) {
            // nothing more to do
        }
    }

    public long size() {
        return size;
    }

    /// The first bytes (at most `count`), for sniffing the format.
    public byte[] head(int count) {
        return data.asSlice(0, Math.min(count, size)).toArray(ValueLayout.JAVA_BYTE);
    }

    /// All the bytes, copied to the heap: only for the rare case that needs them whole.
    public byte[] toArray() {
        return data.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE);
    }

    MemorySegment pointer() {
        if (pointer == null) {
            throw new IllegalStateException("blob already released");
        }
        return pointer;
    }

    void release() {
        if (pointer != null) {
            try {
                n.vips_area_unref.invoke(pointer);
            } catch (Throwable e) {
                throw new IllegalStateException("vips_area_unref", e);
            }
            pointer = null;
        }
    }
}
