package io.compressor.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/// One libvips build in this process: loaded and initialised once, with the operation cache off (a server must
/// not keep images alive between requests) and untrusted loaders blocked except the ones listed here.
/// Start it with `Vips.start`; open a `Scope` per pipeline run. Several builds may live side by side (each
/// library is opened with its own symbols, `RTLD_LOCAL`): an image, its blobs and its scope stay in one.
public final class Vips {
    /// Untrusted in libvips' eyes but needed: ImageMagick for BMP and ICO, librsvg for SVG. The pipeline
    /// picks the loader from its own magic-byte sniffing, so each is handed only its own format.
    static final List<String> ALLOWED_UNTRUSTED = List.of("VipsForeignLoadMagickBuffer", "VipsForeignLoadSvgBuffer");
    private static final java.util.Map<String, Vips> started = new java.util.HashMap<>();

    private final Native n;
    private final GTypes types;
    private final GValues values;
    private final Operation operation;
    private final String version;

    private Vips(VipsConfig config) throws Throwable {
        n = Native.load(config.library());
        try (Arena arena = Arena.ofConfined()) {
            restoreVipsHome(arena);
            if ((int) n.vips_init.invoke(arena.allocateFrom("compressor")) != 0) {
                throw new IllegalStateException("vips_init failed: " + VipsErrors.of("init", n).detail());
            }
            n.vips_cache_set_max.invoke(0);
            if (config.threads() > 0) {
                n.vips_concurrency_set.invoke(config.threads());
            }
            n.vips_block_untrusted_set.invoke(1);
            for (String loader : ALLOWED_UNTRUSTED) {
                n.vips_operation_block_set.invoke(arena.allocateFrom(loader), 0);
            }
        }
        int major = (int) n.vips_version.invoke(0);
        int minor = (int) n.vips_version.invoke(1);
        if (major == 8 && minor < 15) {
            // libvips before 8.15 generates SIMD code at run time with liborc, whose code allocation is not thread-safe:
            // two resizes built at once crashed the process (SIGSEGV in orc_code_allocate_codemem). Its plain C paths
            // measured no slower here (and match libvips 8.15+'s output, which uses Highway, not liborc).
            n.vips_vector_set_enabled.invoke(0);
        }
        routeWarnings();
        types = GTypes.read(n);
        values = new GValues(n, types);
        operation = new Operation(n, values);
        version = major + "." + minor + "." + (int) n.vips_version.invoke(2);
    }

    /// `vips_init` finds its install prefix (and so its loadable modules: Debian's ImageMagick and HEIF loaders) from
    /// `VIPSHOME`, and when that is unset, guesses it and sets `VIPSHOME` to its guess. A second build started later
    /// would take the first build's prefix and miss its own modules, so each starts with `VIPSHOME` as it was before
    /// the first `vips_init` (read from the C environment, which is what libvips reads and writes).
    private static void restoreVipsHome(Arena arena) throws Throwable {
        MemorySegment name = arena.allocateFrom("VIPSHOME");
        if (started.isEmpty()) {
            MemorySegment value = (MemorySegment) libc("getenv", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS))
                    .invoke(name);
            vipsHomeAtStart = value.equals(MemorySegment.NULL) ? null : value.reinterpret(4096).getString(0);
        } else if (vipsHomeAtStart == null) {
            var unused = (int) libc("unsetenv", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)).invoke(name);
        } else {
            var unused = (int) libc("setenv", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_INT)).invoke(name, arena.allocateFrom(vipsHomeAtStart), 1);
        }
    }

    private static String vipsHomeAtStart;

    private static java.lang.invoke.MethodHandle libc(String function, FunctionDescriptor descriptor) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find(function).orElseThrow(), descriptor);
    }

    /// Whether libvips runs its generated SIMD code (liborc before 8.15, Highway from 8.15 on).
    public boolean vectorised() {
        try {
            return (int) n.vips_vector_isenabled.invoke() != 0;
        } catch (Throwable e) {
            throw new IllegalStateException("vips_vector_isenabled", e);
        }
    }

    /// The libvips of `config.library()` in this process, started on the first call for that library; later calls
    /// return it whatever their thread count.
    public static synchronized Vips start(VipsConfig config) {
        Vips vips = started.get(config.library());
        if (vips == null) {
            try {
                vips = new Vips(config);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot start libvips from " + config.library(), e);
            }
            started.put(config.library(), vips);
        }
        return vips;
    }

    public Scope scope() {
        return new Scope(this);
    }

    public String version() {
        return version;
    }

    /// Worker threads libvips starts per image, as configured (or one per core).
    public int threads() {
        try {
            return (int) n.vips_concurrency_get.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("vips_concurrency_get", e);
        }
    }

    /// What libvips holds right now: tracked pixel memory, allocations, open files and live objects.
    public Stats stats() {
        try {
            return new Stats((long) n.vips_tracked_get_mem.invoke(), (int) n.vips_tracked_get_allocs.invoke(),
                    (int) n.vips_tracked_get_files.invoke(), liveObjects());
        } catch (Throwable e) {
            throw new IllegalStateException("reading libvips stats", e);
        }
    }

    public record Stats(long trackedMemory, int trackedAllocations, int openFiles, int liveObjects) {}

    private static final AtomicInteger counted = new AtomicInteger();
    private static MemorySegment countStub;

    /// Counts every live VipsObject (images and operations) of this build with `vips_object_map`; one count at a
    /// time in the process, as the upcall counts into one static counter.
    private int liveObjects() throws Throwable {
        synchronized (Vips.class) {
            if (countStub == null) {
                var handle = MethodHandles.lookup().findStatic(Vips.class, "countOne",
                        MethodType.methodType(MemorySegment.class, MemorySegment.class, MemorySegment.class, MemorySegment.class));
                countStub = n.linker().upcallStub(handle, FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, ValueLayout.ADDRESS), Arena.global());
            }
            counted.set(0);
            var unused = (MemorySegment) n.vips_object_map.invoke(countStub, MemorySegment.NULL, MemorySegment.NULL);
            return counted.get();
        }
    }

    /// The upcall: must never throw, so it only counts, and returns NULL to go on.
    private static MemorySegment countOne(MemorySegment object, MemorySegment a, MemorySegment b) {
        counted.incrementAndGet();
        return MemorySegment.NULL;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Vips.class);

    /// libvips' warnings (a loader ignoring a colour profile, a saver ignoring an option this build lacks) go to our
    /// log at debug level instead of stderr: they are about one image, and the errors that matter are exceptions.
    private void routeWarnings() throws Throwable {
        var handle = MethodHandles.lookup().findStatic(Vips.class, "warning", MethodType.methodType(void.class,
                MemorySegment.class, int.class, MemorySegment.class, MemorySegment.class));
        MemorySegment stub = n.linker().upcallStub(handle, FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.ADDRESS), Arena.global());
        try (Arena arena = Arena.ofConfined()) {
            var unused = (int) n.g_log_set_handler.invoke(arena.allocateFrom("VIPS"), G_LOG_LEVEL_WARNING, stub,
                    MemorySegment.NULL);
        }
    }

    private static final int G_LOG_LEVEL_WARNING = 1 << 4;

    /// The upcall GLib makes for a warning: must never throw.
    private static void warning(MemorySegment domain, int level, MemorySegment message, MemorySegment data) {
        try {
            log.debug("libvips: {}", message.reinterpret(4096).getString(0));
        } catch (RuntimeException e) {
            // a warning that cannot be read is not worth a crash in a native thread
        }
    }

    Native natives() {
        return n;
    }

    GValues values() {
        return values;
    }

    Operation operation() {
        return operation;
    }

    long typeOf(Object value) {
        return switch (value) {
            case Integer i -> GTypes.INT;
            case Double d -> GTypes.DOUBLE;
            case String s -> GTypes.STRING;
            case int[] a -> types.arrayInt();
            case byte[] b -> types.blob();
            default -> throw new IllegalArgumentException("cannot store a " + value.getClass() + " in a header");
        };
    }
}
