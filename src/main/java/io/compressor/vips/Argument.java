package io.compressor.vips;

/// One argument of a libvips operation, as introspection reports it: its GType and its flags.
record Argument(String name, long type, int flags) {
    static final int REQUIRED = 1;
    static final int INPUT = 16;
    static final int OUTPUT = 32;
    static final int DEPRECATED = 64;
    static final int MODIFY = 128;

    boolean input() {
        return (flags & INPUT) != 0;
    }

    boolean requiredOutput() {
        return (flags & OUTPUT) != 0 && (flags & REQUIRED) != 0 && (flags & DEPRECATED) == 0;
    }

    boolean output() {
        return (flags & OUTPUT) != 0;
    }
}
