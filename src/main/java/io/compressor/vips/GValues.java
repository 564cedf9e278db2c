package io.compressor.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/// Converts between Java values and GValues, by the GValue's type.
/// Java side: Boolean, Integer, Long, Double, String (also enum and flag nicks), `VImage`, `byte[]`
/// or `Blob` (a blob), `double[]`, `int[]`, `VImage[]`. Every read copies, so nothing borrowed outlives the GValue.
final class GValues {
    static final long SIZE = 24;
    private final Native n;
    private final GTypes types;

    GValues(Native n, GTypes types) {
        this.n = n;
        this.types = types;
    }

    /// Initialises the zeroed `gv` to `type` and stores `value` in it; the caller unsets it.
    void set(MemorySegment gv, long type, Object value, Arena arena) throws Throwable {
        var unused = (MemorySegment) n.g_value_init.invoke(gv, type);
        long fundamental = (long) n.g_type_fundamental.invoke(type);
        switch ((int) fundamental) {
            case (int) GTypes.BOOLEAN -> n.g_value_set_boolean.invoke(gv, ((Boolean) value) ? 1 : 0);
            case (int) GTypes.INT -> n.g_value_set_int.invoke(gv, ((Number) value).intValue());
            case (int) GTypes.UINT64 -> n.g_value_set_uint64.invoke(gv, ((Number) value).longValue());
            case (int) GTypes.DOUBLE -> n.g_value_set_double.invoke(gv, ((Number) value).doubleValue());
            case (int) GTypes.STRING -> n.g_value_set_string.invoke(gv, arena.allocateFrom(value.toString()));
            case (int) GTypes.ENUM -> n.g_value_set_enum.invoke(gv, fromNick(n.vips_enum_from_nick, type, value, arena));
            case (int) GTypes.FLAGS -> n.g_value_set_flags.invoke(gv, fromNick(n.vips_flags_from_nick, type, value, arena));
            case (int) GTypes.OBJECT -> n.g_value_set_object.invoke(gv, ((VImage) value).pointer());
            case (int) GTypes.BOXED -> setBoxed(gv, type, value, arena);
            default -> throw new IllegalArgumentException("unsupported GType " + typeName(type));
        }
    }

    private void setBoxed(MemorySegment gv, long type, Object value, Arena arena) throws Throwable {
        if (type == types.blob() && value instanceof Blob blob) {
            n.g_value_set_boxed.invoke(gv, blob.pointer());
        } else if (type == types.blob()) {
            byte[] bytes = (byte[]) value;
            // libvips reads a loader's buffer lazily, for as long as any derived image lives: give it a
            // g_malloc'd copy that it frees itself, never Java memory.
            MemorySegment copy = ((MemorySegment) n.g_malloc.invoke((long) Math.max(1, bytes.length)))
                    .reinterpret(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, copy, ValueLayout.JAVA_BYTE, 0, bytes.length);
            n.vips_value_set_blob.invoke(gv, n.vips_area_free_cb, copy, (long) bytes.length);
        } else if (type == types.arrayDouble()) {
            double[] array = value instanceof Number one ? new double[] {one.doubleValue()} : (double[]) value;
            n.vips_value_set_array_double.invoke(gv, arena.allocateFrom(ValueLayout.JAVA_DOUBLE, array), array.length);
        } else if (type == types.arrayInt()) {
            int[] array = value instanceof Number one ? new int[] {one.intValue()} : (int[]) value;
            n.vips_value_set_array_int.invoke(gv, arena.allocateFrom(ValueLayout.JAVA_INT, array), array.length);
        } else if (type == types.arrayImage()) {
            VImage[] images = (VImage[]) value;
            n.vips_value_set_array_image.invoke(gv, images.length);
            MemorySegment slots = ((MemorySegment) n.vips_value_get_array_image.invoke(gv, MemorySegment.NULL))
                    .reinterpret(ValueLayout.ADDRESS.byteSize() * images.length);
            for (int i = 0; i < images.length; i++) {
                // the array owns one reference of each image and drops it when freed
                slots.setAtIndex(ValueLayout.ADDRESS, i, (MemorySegment) n.g_object_ref.invoke(images[i].pointer()));
            }
        } else {
            throw new IllegalArgumentException("unsupported boxed GType " + typeName(type));
        }
    }

    /// Reads `gv` into a Java value; objects come back as new references owned by the caller.
    Object get(MemorySegment gv, VImage.Owner owner, Arena arena) throws Throwable {
        long type = gv.get(ValueLayout.JAVA_LONG, 0);
        long fundamental = (long) n.g_type_fundamental.invoke(type);
        return switch ((int) fundamental) {
            case (int) GTypes.BOOLEAN -> (int) n.g_value_get_boolean.invoke(gv) != 0;
            case (int) GTypes.INT -> (int) n.g_value_get_int.invoke(gv);
            case (int) GTypes.UINT64 -> (long) n.g_value_get_uint64.invoke(gv);
            case (int) GTypes.DOUBLE -> (double) n.g_value_get_double.invoke(gv);
            case (int) GTypes.STRING -> string((MemorySegment) n.g_value_get_string.invoke(gv));
            case (int) GTypes.ENUM -> string((MemorySegment) n.vips_enum_nick.invoke(type, (int) n.g_value_get_enum.invoke(gv)));
            case (int) GTypes.FLAGS -> (int) n.g_value_get_flags.invoke(gv);
            case (int) GTypes.OBJECT -> owner.adopt((MemorySegment) n.g_value_dup_object.invoke(gv));
            case (int) GTypes.BOXED -> getBoxed(gv, type, owner, arena);
            default -> throw new IllegalArgumentException("unsupported GType " + typeName(type));
        };
    }

    private Object getBoxed(MemorySegment gv, long type, VImage.Owner owner, Arena arena) throws Throwable {
        MemorySegment length = arena.allocate(type == types.blob() || type == types.refString()
                ? ValueLayout.JAVA_LONG : ValueLayout.JAVA_INT);
        if (type == types.blob()) {
            MemorySegment data = (MemorySegment) n.vips_value_get_blob.invoke(gv, length);
            return data.reinterpret(length.get(ValueLayout.JAVA_LONG, 0)).toArray(ValueLayout.JAVA_BYTE);
        } else if (type == types.refString()) {
            return string((MemorySegment) n.vips_value_get_ref_string.invoke(gv, length));
        } else if (type == types.arrayDouble()) {
            MemorySegment data = (MemorySegment) n.vips_value_get_array_double.invoke(gv, length);
            int count = length.get(ValueLayout.JAVA_INT, 0);
            return data.reinterpret(8L * count).toArray(ValueLayout.JAVA_DOUBLE);
        } else if (type == types.arrayInt()) {
            MemorySegment data = (MemorySegment) n.vips_value_get_array_int.invoke(gv, length);
            int count = length.get(ValueLayout.JAVA_INT, 0);
            return data.reinterpret(4L * count).toArray(ValueLayout.JAVA_INT);
        } else if (type == types.arrayImage()) {
            MemorySegment data = (MemorySegment) n.vips_value_get_array_image.invoke(gv, length);
            int count = length.get(ValueLayout.JAVA_INT, 0);
            MemorySegment slots = data.reinterpret(ValueLayout.ADDRESS.byteSize() * count);
            VImage[] images = new VImage[count];
            for (int i = 0; i < count; i++) {
                images[i] = owner.adopt((MemorySegment) n.g_object_ref.invoke(slots.getAtIndex(ValueLayout.ADDRESS, i)));
            }
            return images;
        }
        throw new IllegalArgumentException("unsupported boxed GType " + typeName(type));
    }

    /// An enum or flags value given as its number or its nick (`"centre"`, `"uchar"`, ...).
    private int fromNick(java.lang.invoke.MethodHandle parser, long type, Object value, Arena arena) throws Throwable {
        if (value instanceof Integer i) {
            return i;
        }
        int parsed = (int) parser.invoke(arena.allocateFrom("compressor"), type, arena.allocateFrom(value.toString()));
        if (parsed < 0) {
            VipsErrors.of("nick", n);
            throw new IllegalArgumentException("\"" + value + "\" is not a value of " + typeName(type));
        }
        return parsed;
    }

    String typeName(long type) throws Throwable {
        return string((MemorySegment) n.g_type_name.invoke(type));
    }

    static String string(MemorySegment cString) {
        return cString.equals(MemorySegment.NULL) ? null : cString.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
