package io.compressor.app;

import java.util.List;

/// Start-up configuration that cannot work. It lists every problem found, each naming its variable.
final class ConfigException extends RuntimeException {
    private final List<String> problems;

    ConfigException(List<String> problems) {
        super("Invalid configuration:\n  - " + String.join("\n  - ", problems)
                + "\nSee docs/configuration.md for every key and its default.");
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
