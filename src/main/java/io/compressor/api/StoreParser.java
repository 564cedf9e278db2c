package io.compressor.api;

import static io.compressor.api.OptionsParser.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.job.StoreRequest;
import io.compressor.storage.Acl;
import io.compressor.storage.StorageClass;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// The `store` object of a request into a `StoreRequest`, with API.md's rules and messages that
/// name the field: `store.headers.X-Foo: not allowed; allowed are Expires, Cache-Control, ...`.
final class StoreParser {
    static final List<String> HEADERS = List.of("Expires", "Cache-Control", "Content-Type", "Content-Encoding",
            "Content-Language", "Content-Disposition");

    private StoreParser() {}

    static Optional<StoreRequest> store(JsonNode store) {
        if (store == null || store.isNull()) {
            return Optional.empty();
        }
        OptionsParser.requireObject(store, "store");
        OptionsParser.onlyFields(store, "store", "id", "bucket", "container", "region", "path", "acl", "class",
                "metadata", "headers", "tags");
        String id = text(store, "id");
        if (id == null || id.isBlank()) {
            throw invalid("store.id: required; the id of one of this account's storage connectors");
        }
        String bucket = text(store, "bucket") != null ? text(store, "bucket") : text(store, "container");
        if (bucket != null && !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw invalid("store.bucket: expected a bucket name of 3-63 lowercase letters, digits, dots and hyphens"
                    + " but received \"" + bucket + "\"");
        }
        String region = text(store, "region");
        if (region != null && !region.matches("[a-z0-9-]{1,64}")) {
            throw invalid("store.region: expected a region such as eu-central-1 but received \"" + region + "\"");
        }
        return Optional.of(new StoreRequest(id, bucket, region, path(text(store, "path")),
                choice(store.get("acl"), "store.acl", Acl.values(), Acl::wireName),
                choice(store.get("class"), "store.class", StorageClass.values(), StorageClass::wireName),
                metadata(store.get("metadata")), headers(store.get("headers")), tags(store.get("tags"))));
    }

    private static String path(String path) {
        if (path == null) {
            return null;
        }
        if (path.startsWith("/")) {
            throw invalid("store.path: no leading slash; write \"" + path.replaceFirst("^/+", "") + "\"");
        }
        if (Arrays.asList(path.split("/", -1)).contains("..") || path.chars().anyMatch(Character::isISOControl)) {
            throw invalid("store.path: \"..\" segments and control characters are not allowed");
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > 1000) {
            throw invalid("store.path: at most 1000 bytes");
        }
        return path;
    }

    private static Map<String, String> metadata(JsonNode node) {
        Map<String, String> metadata = strings(node, "store.metadata");
        metadata.forEach((k, v) -> {
            if (!k.matches("[A-Za-z0-9_-]{1,128}") || !v.matches("[\\x20-\\x7e]*")) {
                throw invalid("store.metadata." + k + ": keys are letters, digits, '-' and '_', values printable ASCII");
            }
        });
        return metadata;
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        strings(node, "store.headers").forEach((name, value) -> {
            String canonical = HEADERS.stream().filter(h -> h.equalsIgnoreCase(name)).findFirst().orElseThrow(() ->
                    invalid("store.headers." + name + ": not allowed; allowed are " + String.join(", ", HEADERS)));
            if (value.contains("\r") || value.contains("\n")) {
                throw invalid("store.headers." + name + ": a value is one line");
            }
            if (canonical.equals("Expires")) {
                try {
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                } catch (DateTimeParseException e) {
                    throw invalid("store.headers.Expires: expected an HTTP date such as \"Wed, 21 Oct 2026 07:28:00 GMT\""
                            + " but received \"" + value + "\"");
                }
            }
            headers.put(canonical, value);
        });
        return headers;
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = strings(node, "store.tags");
        if (tags.size() > 10) {
            throw invalid("store.tags: at most 10 tags");
        }
        tags.forEach((k, v) -> {
            if (k.isEmpty() || k.length() > 128 || v.length() > 256) {
                throw invalid("store.tags." + k + ": keys are 1-128 characters, values at most 256");
            }
        });
        return tags;
    }

    private static Map<String, String> strings(JsonNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw invalid(path + ": expected an object of names to strings but received " + node);
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw invalid(path + "." + e.getKey() + ": expected a string but received " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("store." + field + ": expected a string but received " + value);
        }
        return value.asText();
    }

    private static <E extends Enum<E>> E choice(JsonNode value, String path, E[] values, java.util.function.Function<E, String> wire) {
        if (value == null || value.isNull()) {
            return null;
        }
        for (E e : values) {
            if (value.isTextual() && wire.apply(e).equals(value.asText().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw invalid(path + ": expected one of " + String.join(", ", Arrays.stream(values).map(wire).toList())
                + " but received " + value);
    }
}
