package io.compressor.app;

/// One configuration key: its environment variable, its default as documented, and what it does.
/// `docs/configuration.md` lists exactly these; `ConfigurationDocTest` fails when the two drift.
record Setting(String name, String defaultValue, String description) {}
