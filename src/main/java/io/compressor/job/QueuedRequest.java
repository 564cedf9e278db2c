package io.compressor.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.compressor.pipeline.Color;
import io.compressor.pipeline.Compression;
import io.compressor.pipeline.Gravity;
import io.compressor.pipeline.MetadataKind;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Resize;
import io.compressor.pipeline.ResizeMode;
import io.compressor.storage.Acl;
import io.compressor.storage.StorageClass;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/// What a queued job must remember of its request, as plain JSON in the job row: the checked options
/// and the `store` request, so a worker on any node runs exactly what was accepted.
record QueuedRequest(String compression, Integer quality, String format, ResizeForm resize, List<String> metadata,
        StoreForm store) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record ResizeForm(int width, int height, String mode, String gravity, boolean upscale, int[] background) {}

    record StoreForm(String connectorId, String bucket, String region, String path, String acl, String storageClass,
            Map<String, String> metadata, Map<String, String> headers, Map<String, String> tags) {}

    static String write(ProcessOptions o, Optional<StoreRequest> store) {
        ResizeForm resize = o.resize().map(r -> new ResizeForm(r.width(), r.height(), r.mode().name(), r.gravity().name(),
                r.upscale(), new int[] {r.background().red(), r.background().green(), r.background().blue(),
                r.background().alpha()})).orElse(null);
        StoreForm storeForm = store.map(s -> new StoreForm(s.connectorId(), s.bucket(), s.region(), s.path(),
                s.acl() == null ? null : s.acl().name(), s.storageClass() == null ? null : s.storageClass().name(),
                s.metadata(), s.headers(), s.tags())).orElse(null);
        try {
            return JSON.writeValueAsString(new QueuedRequest(o.compression().name(),
                    o.quality().isPresent() ? o.quality().getAsInt() : null, o.format().name(), resize,
                    o.metadata().stream().map(Enum::name).sorted().toList(), storeForm));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot record a queued request", e);
        }
    }

    static QueuedRequest read(String json) {
        try {
            return JSON.readValue(json, QueuedRequest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a queued request cannot be read back", e);
        }
    }

    ProcessOptions options() {
        Optional<Resize> r = resize == null ? Optional.empty() : Optional.of(new Resize(resize.width(), resize.height(),
                ResizeMode.valueOf(resize.mode()), Gravity.valueOf(resize.gravity()), resize.upscale(),
                new Color(resize.background()[0], resize.background()[1], resize.background()[2], resize.background()[3])));
        return new ProcessOptions(Compression.valueOf(compression), quality == null ? OptionalInt.empty()
                : OptionalInt.of(quality), OutputFormat.valueOf(format), r,
                metadata.stream().map(MetadataKind::valueOf).collect(Collectors.toSet()));
    }

    Optional<StoreRequest> storeRequest() {
        return Optional.ofNullable(store).map(s -> new StoreRequest(s.connectorId(), s.bucket(), s.region(), s.path(),
                s.acl() == null ? null : Acl.valueOf(s.acl()),
                s.storageClass() == null ? null : StorageClass.valueOf(s.storageClass()),
                s.metadata() == null ? Map.of() : s.metadata(), s.headers() == null ? Map.of() : s.headers(),
                s.tags() == null ? Map.of() : s.tags()));
    }
}
