package io.compressor.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/// One reference to a libvips image, owned by a `Scope`. Images are immutable: every operation
/// makes a new one. Header fields are read generically, by name.
public final class VImage {
    /// Whoever takes ownership of a new native reference.
    interface Owner {
        VImage adopt(MemorySegment pointer);
    }

    private final Vips vips;
    private final Scope scope;
    private MemorySegment pointer;

    VImage(Vips vips, Scope scope, MemorySegment pointer) {
        this.vips = vips;
        this.scope = scope;
        this.pointer = pointer;
    }

    /// The scope that owns this image, where new images made from it belong too.
    public Scope scope() {
        return scope;
    }

    MemorySegment pointer() {
        if (pointer == null) {
            throw new IllegalStateException("image already released");
        }
        return pointer;
    }

    public int width() {
        return (Integer) header("width").orElseThrow();
    }

    public int height() {
        return (Integer) header("height").orElseThrow();
    }

    public int bands() {
        return (Integer) header("bands").orElseThrow();
    }

    /// A header field (`width`, `orientation`, `n-pages`, `icc-profile-data`, ...), or empty when absent.
    public Optional<Object> header(String name) {
        Native n = vips.natives();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cname = arena.allocateFrom(name);
            if ((long) n.vips_image_get_typeof.invoke(pointer(), cname) == 0) {
                return Optional.empty();
            }
            MemorySegment gv = arena.allocate(GValues.SIZE);
            if ((int) n.vips_image_get.invoke(pointer(), cname, gv) != 0) {
                VipsErrors.of("header", n);
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(vips.values().get(gv, scope, arena));
            } finally {
                n.g_value_unset.invoke(gv);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("reading header " + name, e);
        }
    }

    /// The names of every header field, in libvips' order.
    public java.util.List<String> fields() {
        Native n = vips.natives();
        try {
            MemorySegment array = (MemorySegment) n.vips_image_get_fields.invoke(pointer());
            java.util.List<String> names = new java.util.ArrayList<>();
            MemorySegment slots = array.reinterpret(Long.MAX_VALUE);
            for (long i = 0; !slots.getAtIndex(java.lang.foreign.ValueLayout.ADDRESS, i).equals(MemorySegment.NULL); i++) {
                names.add(GValues.string(slots.getAtIndex(java.lang.foreign.ValueLayout.ADDRESS, i)));
            }
            n.g_strfreev.invoke(array);
            return names;
        } catch (Throwable e) {
            throw new IllegalStateException("vips_image_get_fields", e);
        }
    }

    public int intHeader(String name, int fallback) {
        return header(name).map(v -> ((Number) v).intValue()).orElse(fallback);
    }

    /// Runs `operation` with this image as `in` and returns its `out`.
    public VImage apply(String operation, Map<String, ?> options) {
        Map<String, Object> inputs = new HashMap<>(options);
        inputs.put("in", this);
        return scope.image(operation, inputs);
    }

    public VImage apply(String operation) {
        return apply(operation, Map.of());
    }

    /// Encodes with a `*save_buffer` operation and returns the bytes.
    public byte[] save(String saver, Map<String, ?> options) {
        Map<String, Object> inputs = new HashMap<>(options);
        inputs.put("in", this);
        return (byte[]) scope.call(saver, inputs).get("buffer");
    }

    /// A private copy with `name` set (Integer, Double, String, int[] or byte[] blob) or removed (null).
    /// Metadata is written on a copy because an image may be shared with other operations.
    public VImage withHeader(String name, Object value) {
        VImage copy = apply("copy");
        Native n = vips.natives();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cname = arena.allocateFrom(name);
            if (value == null) {
                var unused = (int) n.vips_image_remove.invoke(copy.pointer(), cname);
                return copy;
            }
            MemorySegment gv = arena.allocate(GValues.SIZE);
            vips.values().set(gv, vips.typeOf(value), value, arena);
            n.vips_image_set.invoke(copy.pointer(), cname, gv);
            n.g_value_unset.invoke(gv);
            return copy;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("setting header " + name, e);
        }
    }

    /// Renders the whole image into memory, so that later steps may read it in any order.
    public VImage copyMemory() {
        try {
            MemorySegment copy = (MemorySegment) vips.natives().vips_image_copy_memory.invoke(pointer());
            if (copy.equals(MemorySegment.NULL)) {
                throw VipsErrors.of("copy_memory", vips.natives());
            }
            return scope.adopt(copy);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("copy_memory", e);
        }
    }

    /// The pixels, rendered and copied to the heap: row by row, bands interleaved, in the image's format.
    /// For small images only (the engine reads luma planes of about a megapixel with it).
    public byte[] pixels() {
        Native n = vips.natives();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(java.lang.foreign.ValueLayout.JAVA_LONG);
            MemorySegment data = (MemorySegment) n.vips_image_write_to_memory.invoke(pointer(), size);
            if (data.equals(MemorySegment.NULL)) {
                throw VipsErrors.of("write_to_memory", n);
            }
            long length = size.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0);
            try {
                return data.reinterpret(length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            } finally {
                n.g_free.invoke(data);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("write_to_memory", e);
        }
    }

    /// Tells libvips to stop computing this image: the next tile asked of it fails, and so does the operation
    /// that asked. Safe from any thread while the image is held.
    void kill() {
        if (pointer != null) {
            try {
                vips.natives().vips_image_set_kill.invoke(pointer, 1);
            } catch (Throwable e) {
                throw new IllegalStateException("vips_image_set_kill", e);
            }
        }
    }

    void release() {
        if (pointer != null) {
            try {
                vips.natives().g_object_unref.invoke(pointer);
            } catch (Throwable e) {
                throw new IllegalStateException("g_object_unref", e);
            }
            pointer = null;
        }
    }
}
