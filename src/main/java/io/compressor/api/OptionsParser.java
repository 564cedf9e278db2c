package io.compressor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.pipeline.Color;
import io.compressor.pipeline.Compression;
import io.compressor.pipeline.Gravity;
import io.compressor.pipeline.MetadataKind;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Resize;
import io.compressor.pipeline.ResizeMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/// The one place that turns a request's `image` object into `ProcessOptions`. Every unknown field and
/// every bad value is `invalid_option`, with the JSON path, what is allowed and what was received:
/// `image.resize.mode: expected one of auto, fit, fill, exact, crop but received "cover"`.
final class OptionsParser {
    private OptionsParser() {}

    static ProcessOptions image(JsonNode image) {
        if (image == null || image.isNull()) {
            return ProcessOptions.DEFAULTS;
        }
        requireObject(image, "image");
        onlyFields(image, "image", "compression", "quality", "format", "resize", "metadata");
        Compression compression = choice(image.get("compression"), "image.compression", Compression.class, Compression.HIGH);
        OptionalInt quality = image.hasNonNull("quality")
                ? OptionalInt.of(whole(image.get("quality"), "image.quality", 1, 100)) : OptionalInt.empty();
        OutputFormat format = choice(image.get("format"), "image.format", OutputFormat.class, OutputFormat.AUTO);
        return new ProcessOptions(compression, quality, format, resize(image.get("resize")), metadata(image.get("metadata")));
    }

    private static Optional<Resize> resize(JsonNode resize) {
        if (resize == null || resize.isNull()) {
            return Optional.empty();
        }
        requireObject(resize, "image.resize");
        onlyFields(resize, "image.resize", "width", "height", "mode", "gravity", "upscale", "background");
        int width = resize.hasNonNull("width") ? whole(resize.get("width"), "image.resize.width", 1, Resize.MAX_SIDE) : 0;
        int height = resize.hasNonNull("height") ? whole(resize.get("height"), "image.resize.height", 1, Resize.MAX_SIDE) : 0;
        ResizeMode mode = choice(resize.get("mode"), "image.resize.mode", ResizeMode.class, ResizeMode.AUTO);
        Gravity gravity = choice(resize.get("gravity"), "image.resize.gravity", Gravity.class, Gravity.CENTER);
        if (width == 0 && height == 0) {
            throw invalid("image.resize: give a width, a height or both");
        }
        if (mode != ResizeMode.AUTO && (width == 0 || height == 0)) {
            throw invalid("image.resize: mode \"" + lower(mode) + "\" needs both width and height");
        }
        boolean upscale = Resize.defaultUpscale(mode);
        if (resize.hasNonNull("upscale")) {
            if (!resize.get("upscale").isBoolean()) {
                throw invalid("image.resize.upscale: expected true or false but received " + resize.get("upscale"));
            }
            upscale = resize.get("upscale").asBoolean();
        }
        Color background = Color.WHITE;
        if (resize.hasNonNull("background")) {
            JsonNode value = resize.get("background");
            try {
                background = Color.parse(value.isTextual() ? value.asText() : null);
            } catch (IllegalArgumentException e) {
                throw invalid("image.resize.background: expected a CSS hex colour like #ffffff or #00000000 but received " + value);
            }
        }
        return Optional.of(new Resize(width, height, mode, gravity, upscale, background));
    }

    private static Set<MetadataKind> metadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return Set.of();
        }
        if (!metadata.isArray()) {
            throw invalid("image.metadata: expected a list such as [\"icc\", \"copyright\"] but received " + metadata);
        }
        Set<MetadataKind> kinds = EnumSet.noneOf(MetadataKind.class);
        for (int i = 0; i < metadata.size(); i++) {
            kinds.add(choice(metadata.get(i), "image.metadata[" + i + "]", MetadataKind.class, null));
        }
        return kinds;
    }

    static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw invalid(path + ": expected an object but received " + node);
        }
    }

    static void onlyFields(JsonNode node, String path, String... allowed) {
        List<String> names = Arrays.asList(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!names.contains(field)) {
                throw invalid((path.isEmpty() ? "" : path + ".") + field + ": unknown option; expected one of "
                        + String.join(", ", allowed));
            }
        }
    }

    private static int whole(JsonNode value, String path, int min, int max) {
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw invalid(path + ": expected a whole number from " + min + " to " + max + " but received " + value);
        }
        return value.asInt();
    }

    private static <E extends Enum<E>> E choice(JsonNode value, String path, Class<E> type, E fallback) {
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw invalid(path + ": expected one of " + allowed(type) + " but received null");
            }
            return fallback;
        }
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (lower(constant).equals(value.asText())) {
                    return constant;
                }
            }
        }
        throw invalid(path + ": expected one of " + allowed(type) + " but received " + value);
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(OptionsParser::lower).toList());
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_OPTION, message);
    }
}
