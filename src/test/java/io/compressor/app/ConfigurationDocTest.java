package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/// `docs/configuration.md` must list exactly the keys the code reads, with the same defaults.
class ConfigurationDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(COMPRESSOR_[A-Z0-9_]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

    @Test
    void documentationListsEveryKeyWithItsDefault() throws Exception {
        String doc = Files.readString(Path.of("docs/configuration.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            documented.put(m.group(1), m.group(2));
        }
        Map<String, String> inCode = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> inCode.put(s.name(), s.defaultValue()));
        assertThat(documented).containsExactlyEntriesOf(inCode);
    }
}
