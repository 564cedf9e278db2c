package io.compressor.vips;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/// Bytes the caller holds in native memory, outside any libvips build, which every build reads where they are: no
/// copy per pipeline. A file is read into it by the kernel in one copy, never through the heap. The caller closes it
/// once no pipeline reads it any more. Safe to read from several threads at once.
public final class HeldBytes implements AutoCloseable {
    private final Arena arena;
    private final MemorySegment data;

    private HeldBytes(Arena arena, MemorySegment data) {
        this.arena = arena;
        this.data = data;
    }

    /// The whole file, read straight into native memory.
    public static HeldBytes read(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            MemorySegment data = arena.allocate(Math.max(1, size)).asSlice(0, size);
            var buffer = data.asByteBuffer();
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new IOException(file + " ended before its " + size + " bytes");
                }
            }
            return new HeldBytes(arena, data);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public long size() {
        return data.byteSize();
    }

    /// The first bytes (at most `count`), for sniffing the format.
    public byte[] head(int count) {
        return data.asSlice(0, Math.min(count, data.byteSize())).toArray(ValueLayout.JAVA_BYTE);
    }

    MemorySegment segment() {
        return data;
    }

    @Override
    public void close() {
        arena.close();
    }
}
