package io.compressor.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Reads settings from the environment and collects every problem instead of stopping at the first,
/// so an operator fixes a bad configuration in one go. Each problem names its variable.
final class Environment {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Environment(Map<String, String> env) {
        this.env = env;
    }

    Optional<String> optional(Setting setting) {
        String value = env.get(setting.name());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String text(Setting setting, String fallback) {
        return optional(setting).orElse(fallback);
    }

    long whole(Setting setting, long min, long max) {
        long fallback = Long.parseLong(setting.defaultValue());
        String value = optional(setting).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the allowed range
        }
        problem(setting, "expected a whole number from " + min + " to " + max + " but received \"" + value + "\"");
        return fallback;
    }

    int integer(Setting setting, int min, int max) {
        return (int) whole(setting, min, max);
    }

    Optional<Path> readableFile(Setting setting) {
        Optional<Path> path = optional(setting).map(Path::of);
        path.filter(p -> !Files.isReadable(p) || Files.isDirectory(p))
                .ifPresent(p -> problem(setting, "file \"" + p + "\" does not exist or cannot be read"));
        return path;
    }

    void problem(Setting setting, String message) {
        problems.add(setting.name() + ": " + message);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
