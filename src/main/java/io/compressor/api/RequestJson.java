package io.compressor.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/// Reads request JSON: malformed text is `invalid_json` with where it broke.
final class RequestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestJson() {}

    static JsonNode parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (!node.isObject()) {
                throw new ServiceException(ErrorCode.INVALID_JSON, what + " must be a JSON object, e.g. {\"image\": {...}}");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ServiceException(ErrorCode.INVALID_JSON, what + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        }
    }

    /// The `webhook` object: `{"url": "https://..."}`; the address policy applies when it is called.
    static java.util.Optional<String> webhook(JsonNode node) {
        if (node == null || node.isNull()) {
            return java.util.Optional.empty();
        }
        OptionsParser.requireObject(node, "webhook");
        OptionsParser.onlyFields(node, "webhook", "url");
        JsonNode url = node.get("url");
        if (url == null || !url.isTextual() || !url.asText().matches("(?i)https?://[^\\s/]+.*")) {
            throw OptionsParser.invalid("webhook.url: expected an http:// or https:// URL but received " + url);
        }
        return java.util.Optional.of(url.asText());
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? "{}" : node.toString();
    }

    /// The `headers` object of a fetch request: names to string values.
    static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (!node.isObject()) {
            throw OptionsParser.invalid("headers: expected an object of header names to values but received " + node);
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw OptionsParser.invalid("headers." + e.getKey() + ": expected a string but received " + e.getValue());
            }
            headers.put(e.getKey(), e.getValue().asText());
        });
        return headers;
    }
}
