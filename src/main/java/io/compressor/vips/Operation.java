package io.compressor.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/// Calls any libvips operation by name, the way pyvips does: create it, set its input properties,
/// build it through the (disabled) cache, read its outputs, then drop every reference it holds,
/// on success and on failure alike.
final class Operation {
    private final Native n;
    private final GValues values;
    private final Map<String, Map<String, Argument>> introspected = new ConcurrentHashMap<>();
    private final Map<String, MemorySegment> names = new ConcurrentHashMap<>();

    Operation(Native n, GValues values) {
        this.n = n;
        this.values = values;
    }

    /// Runs `name` with `inputs` (argument names with `_` or `-`) and returns its required outputs plus
    /// the optional outputs asked for. Images in the result belong to `owner`.
    Map<String, Object> call(String name, Map<String, ?> inputs, List<String> optionalOutputs, Scope owner) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment op = (MemorySegment) n.vips_operation_new.invoke(cName(name));
            if (op.equals(MemorySegment.NULL)) {
                throw VipsErrors.of(name, n);
            }
            MemorySegment holder = arena.allocate(ValueLayout.ADDRESS);
            holder.set(ValueLayout.ADDRESS, 0, op);
            try {
                Map<String, Argument> arguments = arguments(name, op);
                for (Map.Entry<String, ?> input : inputs.entrySet()) {
                    setInput(name, op, arguments, input.getKey().replace('_', '-'), input.getValue(), arena);
                }
                if ((int) n.vips_cache_operation_buildp.invoke(holder) != 0) {
                    throw VipsErrors.of(name, n);
                }
                return outputs(holder.get(ValueLayout.ADDRESS, 0), arguments, optionalOutputs, owner, arena);
            } finally {
                MemorySegment built = holder.get(ValueLayout.ADDRESS, 0);
                n.vips_object_unref_outputs.invoke(built);
                n.g_object_unref.invoke(built);
            }
        } catch (VipsException | IllegalArgumentException | IllegalStateException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("libvips call " + name + " failed", e);
        }
    }

    private void setInput(String op, MemorySegment pointer, Map<String, Argument> arguments, String name, Object value,
            Arena arena) throws Throwable {
        // a few operations (extract_area, smartcrop) call their main image `input` rather than `in`
        Argument argument = arguments.get(name);
        if (argument == null && name.equals("in")) {
            argument = arguments.get("input");
            name = "input";
        }
        if (argument == null || !argument.input()) {
            throw new IllegalArgumentException(op + " has no input argument " + name);
        }
        MemorySegment gv = arena.allocate(GValues.SIZE);
        values.set(gv, argument.type(), value, arena);
        n.g_object_set_property.invoke(pointer, cName(name), gv);
        n.g_value_unset.invoke(gv);
    }

    private Map<String, Object> outputs(MemorySegment op, Map<String, Argument> arguments, List<String> optional,
            Scope owner, Arena arena) throws Throwable {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Argument argument : arguments.values()) {
            boolean wanted = argument.requiredOutput() || (argument.output() && optional.contains(argument.name()));
            if (!wanted || argument.input()) {
                continue;
            }
            MemorySegment gv = arena.allocate(GValues.SIZE);
            var unused = (MemorySegment) n.g_value_init.invoke(gv, argument.type());
            n.g_object_get_property.invoke(op, cName(argument.name()), gv);
            result.put(argument.name(), values.get(gv, owner, arena));
            n.g_value_unset.invoke(gv);
        }
        return result;
    }

    /// Names, types and flags of an operation's arguments, read once per operation name.
    private Map<String, Argument> arguments(String operation, MemorySegment op) throws Throwable {
        Map<String, Argument> known = introspected.get(operation);
        if (known != null) {
            return known;
        }
        Map<String, Argument> found = new HashMap<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment namesOut = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment flagsOut = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment countOut = arena.allocate(ValueLayout.JAVA_INT);
            n.vips_object_get_args.invoke(op, namesOut, flagsOut, countOut);
            int count = countOut.get(ValueLayout.JAVA_INT, 0);
            MemorySegment nameArray = namesOut.get(ValueLayout.ADDRESS, 0).reinterpret(8L * count);
            MemorySegment flagArray = flagsOut.get(ValueLayout.ADDRESS, 0).reinterpret(4L * count);
            MemorySegment pspec = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment argumentClass = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment argumentInstance = arena.allocate(ValueLayout.ADDRESS);
            for (int i = 0; i < count; i++) {
                String name = GValues.string(nameArray.getAtIndex(ValueLayout.ADDRESS, i));
                int flags = flagArray.getAtIndex(ValueLayout.JAVA_INT, i);
                if ((flags & (Argument.INPUT | Argument.OUTPUT)) == 0) {
                    continue;
                }
                n.vips_object_get_argument.invoke(op, cName(name), pspec, argumentClass, argumentInstance);
                long type = pspec.get(ValueLayout.ADDRESS, 0).reinterpret(32).get(ValueLayout.JAVA_LONG, 24);
                found.put(name, new Argument(name, type, flags));
            }
        }
        Map<String, Argument> frozen = Map.copyOf(found);
        introspected.put(operation, frozen);
        return frozen;
    }

    /// C strings of operation and argument names live for the process: there are only a few hundred.
    MemorySegment cName(String name) {
        return names.computeIfAbsent(name, k -> Arena.global().allocateFrom(k));
    }
}
