package io.compressor.vips;

/// The GTypes the binding converts, read once after `vips_init`. Fundamental types are ABI constants
/// (`G_TYPE_MAKE_FUNDAMENTAL(n) = n << 2`); libvips' boxed and object types are registered at run time.
record GTypes(long image, long blob, long arrayDouble, long arrayInt, long arrayImage, long refString) {
    static final long BOOLEAN = 20;
    static final long INT = 24;
    static final long UINT64 = 44;
    static final long ENUM = 48;
    static final long FLAGS = 52;
    static final long DOUBLE = 60;
    static final long STRING = 64;
    static final long BOXED = 72;
    static final long OBJECT = 80;

    static GTypes read(Native n) throws Throwable {
        return new GTypes((long) n.vips_image_get_type.invoke(), (long) n.vips_blob_get_type.invoke(),
                (long) n.vips_array_double_get_type.invoke(), (long) n.vips_array_int_get_type.invoke(),
                (long) n.vips_array_image_get_type.invoke(), (long) n.vips_ref_string_get_type.invoke());
    }
}
