package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.testing.HostileCorpus;
import io.compressor.testing.Http;
import io.compressor.vips.Scope;
import io.compressor.vips.VImage;
import io.compressor.vips.Vips;
import io.compressor.vips.VipsConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The packaged server against a corpus of hostile files (`HostileCorpus`, made on each run): every answer is the API's
/// body and never a 5xx, every request ends within its deadline, every request is one log line, and no output
/// carries metadata the request did not keep.
class HostileCorpusIT {
    private static final Pattern KEY = Pattern.compile("cmp_[A-Za-z0-9_-]{40}");
    private static final int DEADLINE_SECONDS = 10;
    /// What a request may take past the deadline: the tile or encode under way when it struck, and the upload.
    private static final Duration MARGIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void noHostileFileGetsA5xxOutlivesItsDeadlineOrLeaksWhatWasStripped() throws Exception {
        List<HostileCorpus.Entry> corpus = HostileCorpus.make();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        Node server = Node.start(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_PROCESSING_TIMEOUT_SECONDS", Integer.toString(DEADLINE_SECONDS)), dir.resolve("serve.log"));
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try {
            Matcher key = KEY.matcher(server.out());
            assertThat(key.find()).isTrue();
            Http http = new Http(server.url());
            for (HostileCorpus.Entry entry : corpus) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.upload("/1.0/upload", key.group(), entry.name() + ".bin", entry.bytes(),
                        entry.data());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                String what = entry.name() + " (" + response.statusCode() + ", " + took.toMillis() + " ms): ";
                ids.add(response.headers().firstValue("X-Request-Id").orElse(""));
                if (response.statusCode() >= 500) {
                    problems.add(what + response.body());
                }
                if (took.compareTo(Duration.ofSeconds(DEADLINE_SECONDS).plus(MARGIN)) > 0) {
                    problems.add(what + "past its deadline");
                }
                JsonNode body = Http.json(response);
                if (!body.has("success") || !body.has("id")) {
                    problems.add(what + "not the API's body: " + response.body());
                } else if (body.get("success").asBoolean()) {
                    leaks(http, entry, body).ifPresent(leak -> problems.add(what + leak));
                }
            }
        } finally {
            server.terminate();
        }
        String log = Files.readString(dir.resolve("serve.log"));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            long lines = id.isEmpty() ? 0 : log.lines().filter(l -> l.contains(id)).count();
            if (lines != 1) {
                problems.add(corpus.get(i).name() + ": " + lines + " log lines for request " + id);
            }
        }
        assertThat(log).doesNotContain(" ERROR ").doesNotContain("Exception");
        assertThat(problems).as("of %d hostile uploads", corpus.size()).isEmpty();
    }

    /// What a successful output carries that it must not: a forbidden marker in its bytes, or a metadata field its
    /// options did not keep.
    private static Optional<String> leaks(Http http, HostileCorpus.Entry entry, JsonNode body) {
        HttpResponse<byte[]> download = http.download(URI.create(body.get("url").asText()));
        if (download.statusCode() != 200) {
            return Optional.of("its result answered " + download.statusCode());
        }
        String bytes = new String(download.body(), StandardCharsets.ISO_8859_1);
        for (String forbidden : entry.forbidden()) {
            if (bytes.contains(forbidden)) {
                return Optional.of("the output holds \"" + forbidden + "\"");
            }
        }
        List<String> fields = fields(download.body(), body.at("/output/format").asText());
        List<String> allowed = entry.data().contains("icc") ? List.of("icc-profile-data")
                : entry.data().contains("copyright") ? List.of("exif-data") : List.of();
        for (String field : fields) {
            boolean metadata = field.equals("exif-data") || field.equals("xmp-data") || field.equals("iptc-data")
                    || field.equals("icc-profile-data") || field.equals("gif-comment") || field.startsWith("png-comment-");
            if (metadata && !allowed.contains(field)) {
                return Optional.of("the output carries " + field + " (" + entry.data() + ")");
            }
        }
        return Optional.empty();
    }

    /// The header fields of an output, as Debian's libvips reads them.
    private static List<String> fields(byte[] output, String format) {
        String loader = switch (format) {
            case "jpeg" -> "jpegload_buffer";
            case "png" -> "pngload_buffer";
            case "webp" -> "webpload_buffer";
            case "gif" -> "gifload_buffer";
            default -> "heifload_buffer";
        };
        Vips vips = Vips.start(new VipsConfig(VipsConfig.DEFAULT_LIBRARY, 0));
        try (Scope scope = vips.scope()) {
            VImage header = scope.image(loader, Map.of("buffer", output));
            return header.fields();
        }
    }
}
