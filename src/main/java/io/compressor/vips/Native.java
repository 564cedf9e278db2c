package io.compressor.vips;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/// The C functions of libvips and GLib that the binding calls, all non-variadic, bound once.
/// C to Java on LP64 Linux: GType, size_t and guint64 are `long`; int, gboolean, enums and flags are
/// `int`; pointers are `MemorySegment`. Names keep their C spelling so they can be looked up in the headers.
@SuppressWarnings("checkstyle:MemberName")
final class Native {
    private final Linker linker = Linker.nativeLinker();
    private final SymbolLookup lookup;

    // lifecycle and configuration
    final MethodHandle vips_init, vips_cache_set_max, vips_concurrency_set, vips_concurrency_get, vips_block_untrusted_set,
            vips_operation_block_set, vips_version, vips_vector_set_enabled, vips_vector_isenabled;
    // errors and memory
    final MethodHandle vips_error_buffer_copy, vips_error_clear, g_malloc, g_free, g_strfreev;
    // operations
    final MethodHandle vips_operation_new, vips_object_get_args, vips_object_get_argument,
            vips_object_set_from_string, vips_cache_operation_buildp, vips_object_unref_outputs,
            g_object_ref, g_object_unref, g_object_set_property, g_object_get_property;
    // GValue
    final MethodHandle g_value_init, g_value_unset, g_value_set_boolean, g_value_set_int, g_value_set_uint64,
            g_value_set_double, g_value_set_string, g_value_set_enum, g_value_set_flags, g_value_set_object,
            g_value_get_boolean, g_value_get_int, g_value_get_uint64, g_value_get_double, g_value_get_string,
            g_value_get_enum, g_value_get_flags, g_value_dup_object;
    // types
    final MethodHandle g_type_fundamental, g_type_name, vips_enum_from_nick, vips_flags_from_nick, vips_enum_nick,
            vips_image_get_type, vips_blob_get_type, vips_array_double_get_type, vips_array_int_get_type,
            vips_array_image_get_type, vips_ref_string_get_type;
    // boxed values
    final MethodHandle vips_blob_new, vips_area_unref, g_value_set_boxed, vips_value_set_blob, vips_value_get_blob, vips_value_set_array_double,
            vips_value_get_array_double, vips_value_set_array_int, vips_value_get_array_int,
            vips_value_set_array_image, vips_value_get_array_image, vips_value_get_ref_string;
    final MemorySegment vips_area_free_cb;
    // image header
    final MethodHandle vips_image_get, vips_image_get_fields, vips_image_get_typeof, vips_image_set, vips_image_remove,
            vips_image_copy_memory, vips_image_write_to_memory, vips_image_set_kill;
    // leak accounting
    final MethodHandle vips_tracked_get_mem, vips_tracked_get_allocs, vips_tracked_get_files, vips_object_map, g_log_set_handler;

    Native(SymbolLookup lookup) {
        this.lookup = lookup;
        vips_init = bind("vips_init", JAVA_INT, ADDRESS);
        vips_cache_set_max = bindVoid("vips_cache_set_max", JAVA_INT);
        vips_concurrency_set = bindVoid("vips_concurrency_set", JAVA_INT);
        vips_concurrency_get = bind("vips_concurrency_get", JAVA_INT);
        vips_block_untrusted_set = bindVoid("vips_block_untrusted_set", JAVA_INT);
        vips_operation_block_set = bindVoid("vips_operation_block_set", ADDRESS, JAVA_INT);
        vips_version = bind("vips_version", JAVA_INT, JAVA_INT);
        vips_vector_set_enabled = bindVoid("vips_vector_set_enabled", JAVA_INT);
        vips_vector_isenabled = bind("vips_vector_isenabled", JAVA_INT);

        vips_error_buffer_copy = bind("vips_error_buffer_copy", ADDRESS);
        vips_error_clear = bindVoid("vips_error_clear");
        g_malloc = bind("g_malloc", ADDRESS, JAVA_LONG);
        g_free = bindVoid("g_free", ADDRESS);
        g_strfreev = bindVoid("g_strfreev", ADDRESS);

        vips_operation_new = bind("vips_operation_new", ADDRESS, ADDRESS);
        vips_object_get_args = bind("vips_object_get_args", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        vips_object_get_argument = bind("vips_object_get_argument", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        vips_object_set_from_string = bind("vips_object_set_from_string", JAVA_INT, ADDRESS, ADDRESS);
        vips_cache_operation_buildp = bind("vips_cache_operation_buildp", JAVA_INT, ADDRESS);
        vips_object_unref_outputs = bindVoid("vips_object_unref_outputs", ADDRESS);
        g_object_ref = bind("g_object_ref", ADDRESS, ADDRESS);
        g_object_unref = bindVoid("g_object_unref", ADDRESS);
        g_object_set_property = bindVoid("g_object_set_property", ADDRESS, ADDRESS, ADDRESS);
        g_object_get_property = bindVoid("g_object_get_property", ADDRESS, ADDRESS, ADDRESS);

        g_value_init = bind("g_value_init", ADDRESS, ADDRESS, JAVA_LONG);
        g_value_unset = bindVoid("g_value_unset", ADDRESS);
        g_value_set_boolean = bindVoid("g_value_set_boolean", ADDRESS, JAVA_INT);
        g_value_set_int = bindVoid("g_value_set_int", ADDRESS, JAVA_INT);
        g_value_set_uint64 = bindVoid("g_value_set_uint64", ADDRESS, JAVA_LONG);
        g_value_set_double = bindVoid("g_value_set_double", ADDRESS, JAVA_DOUBLE);
        g_value_set_string = bindVoid("g_value_set_string", ADDRESS, ADDRESS);
        g_value_set_enum = bindVoid("g_value_set_enum", ADDRESS, JAVA_INT);
        g_value_set_flags = bindVoid("g_value_set_flags", ADDRESS, JAVA_INT);
        g_value_set_object = bindVoid("g_value_set_object", ADDRESS, ADDRESS);
        g_value_get_boolean = bind("g_value_get_boolean", JAVA_INT, ADDRESS);
        g_value_get_int = bind("g_value_get_int", JAVA_INT, ADDRESS);
        g_value_get_uint64 = bind("g_value_get_uint64", JAVA_LONG, ADDRESS);
        g_value_get_double = bind("g_value_get_double", JAVA_DOUBLE, ADDRESS);
        g_value_get_string = bind("g_value_get_string", ADDRESS, ADDRESS);
        g_value_get_enum = bind("g_value_get_enum", JAVA_INT, ADDRESS);
        g_value_get_flags = bind("g_value_get_flags", JAVA_INT, ADDRESS);
        g_value_dup_object = bind("g_value_dup_object", ADDRESS, ADDRESS);

        g_type_fundamental = bind("g_type_fundamental", JAVA_LONG, JAVA_LONG);
        g_type_name = bind("g_type_name", ADDRESS, JAVA_LONG);
        vips_enum_from_nick = bind("vips_enum_from_nick", JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);
        vips_flags_from_nick = bind("vips_flags_from_nick", JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS);
        vips_enum_nick = bind("vips_enum_nick", ADDRESS, JAVA_LONG, JAVA_INT);
        vips_image_get_type = bind("vips_image_get_type", JAVA_LONG);
        vips_blob_get_type = bind("vips_blob_get_type", JAVA_LONG);
        vips_array_double_get_type = bind("vips_array_double_get_type", JAVA_LONG);
        vips_array_int_get_type = bind("vips_array_int_get_type", JAVA_LONG);
        vips_array_image_get_type = bind("vips_array_image_get_type", JAVA_LONG);
        vips_ref_string_get_type = bind("vips_ref_string_get_type", JAVA_LONG);

        vips_blob_new = bind("vips_blob_new", ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
        vips_area_unref = bindVoid("vips_area_unref", ADDRESS);
        g_value_set_boxed = bindVoid("g_value_set_boxed", ADDRESS, ADDRESS);
        vips_value_set_blob = bindVoid("vips_value_set_blob", ADDRESS, ADDRESS, ADDRESS, JAVA_LONG);
        vips_value_get_blob = bind("vips_value_get_blob", ADDRESS, ADDRESS, ADDRESS);
        vips_value_set_array_double = bindVoid("vips_value_set_array_double", ADDRESS, ADDRESS, JAVA_INT);
        vips_value_get_array_double = bind("vips_value_get_array_double", ADDRESS, ADDRESS, ADDRESS);
        vips_value_set_array_int = bindVoid("vips_value_set_array_int", ADDRESS, ADDRESS, JAVA_INT);
        vips_value_get_array_int = bind("vips_value_get_array_int", ADDRESS, ADDRESS, ADDRESS);
        vips_value_set_array_image = bindVoid("vips_value_set_array_image", ADDRESS, JAVA_INT);
        vips_value_get_array_image = bind("vips_value_get_array_image", ADDRESS, ADDRESS, ADDRESS);
        vips_value_get_ref_string = bind("vips_value_get_ref_string", ADDRESS, ADDRESS, ADDRESS);
        vips_area_free_cb = symbol("vips_area_free_cb");

        vips_image_get = bind("vips_image_get", JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        vips_image_get_fields = bind("vips_image_get_fields", ADDRESS, ADDRESS);
        vips_image_get_typeof = bind("vips_image_get_typeof", JAVA_LONG, ADDRESS, ADDRESS);
        vips_image_set = bindVoid("vips_image_set", ADDRESS, ADDRESS, ADDRESS);
        vips_image_remove = bind("vips_image_remove", JAVA_INT, ADDRESS, ADDRESS);
        vips_image_copy_memory = bind("vips_image_copy_memory", ADDRESS, ADDRESS);
        vips_image_write_to_memory = bind("vips_image_write_to_memory", ADDRESS, ADDRESS, ADDRESS);
        vips_image_set_kill = bindVoid("vips_image_set_kill", ADDRESS, JAVA_INT);

        vips_tracked_get_mem = bind("vips_tracked_get_mem", JAVA_LONG);
        vips_tracked_get_allocs = bind("vips_tracked_get_allocs", JAVA_INT);
        vips_tracked_get_files = bind("vips_tracked_get_files", JAVA_INT);
        vips_object_map = bind("vips_object_map", ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        g_log_set_handler = bind("g_log_set_handler", JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
    }

    /// Loads libvips by soname or path; GLib's symbols resolve through it, as its dependencies.
    static Native load(String library) {
        return new Native(SymbolLookup.libraryLookup(library, Arena.global()));
    }

    Linker linker() {
        return linker;
    }

    private MemorySegment symbol(String name) {
        return lookup.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libvips has no symbol " + name));
    }

    private MethodHandle bind(String name, java.lang.foreign.MemoryLayout result, java.lang.foreign.MemoryLayout... args) {
        return linker.downcallHandle(symbol(name), FunctionDescriptor.of(result, args));
    }

    private MethodHandle bindVoid(String name, java.lang.foreign.MemoryLayout... args) {
        return linker.downcallHandle(symbol(name), FunctionDescriptor.ofVoid(args));
    }
}
