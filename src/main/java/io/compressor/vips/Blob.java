package io.compressor.vips;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/// Bytes in libvips-owned memory (a `VipsBlob`), shared by every loader that reads them. libvips reads
/// a loader's buffer lazily, for as long as any image made from it lives, so the memory is g_malloc'd
/// and freed by libvips when the last reference goes: the scope's and those of the images.
public final class Blob {
    private final Native n;
    private MemorySegment pointer;

    private Blob(Native n, MemorySegment pointer) {
        this.n = n;
        this.pointer = pointer;
    }

    static Blob copyOf(Native n, byte[] bytes) {
        try {
            long size = Math.max(1, bytes.length);
            MemorySegment data = ((MemorySegment) n.g_malloc.invoke(size)).reinterpret(size);
            MemorySegment.copy(bytes, 0, data, ValueLayout.JAVA_BYTE, 0, bytes.length);
            return new Blob(n, (MemorySegment) n.vips_blob_new.invoke(n.vips_area_free_cb, data, (long) bytes.length));
        } catch (Throwable e) {
            throw new IllegalStateException("vips_blob_new", e);
        }
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
