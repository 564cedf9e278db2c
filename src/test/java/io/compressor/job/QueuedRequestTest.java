package io.compressor.job;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// A queued job runs exactly what was accepted: every option and every `store` field survives the job row's JSON.
class QueuedRequestTest {
    @Test
    void everyOptionAndStoreFieldSurvivesTheRoundTrip() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            ProcessOptions options = options(random);
            Optional<StoreRequest> store = random.nextBoolean() ? Optional.empty() : Optional.of(store(random));
            QueuedRequest back = QueuedRequest.read(QueuedRequest.write(options, store));
            assertThat(back.options()).as("options, case %d", i).isEqualTo(options);
            assertThat(back.storeRequest()).as("store, case %d", i).isEqualTo(store);
        }
    }

    @Test
    void everyValueOfEveryEnumSurvives() {
        for (Compression c : Compression.values()) {
            for (OutputFormat f : OutputFormat.values()) {
                ProcessOptions o = new ProcessOptions(c, OptionalInt.empty(), f, Optional.empty(), EnumSet.allOf(MetadataKind.class));
                assertThat(QueuedRequest.read(QueuedRequest.write(o, Optional.empty())).options()).isEqualTo(o);
            }
        }
        for (ResizeMode mode : ResizeMode.values()) {
            for (Gravity gravity : Gravity.values()) {
                ProcessOptions o = new ProcessOptions(Compression.HIGH, OptionalInt.of(1), OutputFormat.AUTO,
                        Optional.of(new Resize(10, 20, mode, gravity, true, new Color(1, 2, 3, 4))), Set.of());
                assertThat(QueuedRequest.read(QueuedRequest.write(o, Optional.empty())).options()).isEqualTo(o);
            }
        }
    }

    private static ProcessOptions options(Random random) {
        Set<MetadataKind> metadata = EnumSet.noneOf(MetadataKind.class);
        for (MetadataKind kind : MetadataKind.values()) {
            if (random.nextBoolean()) {
                metadata.add(kind);
            }
        }
        Optional<Resize> resize = random.nextBoolean() ? Optional.empty() : Optional.of(new Resize(random.nextInt(Resize.MAX_SIDE + 1),
                random.nextInt(Resize.MAX_SIDE + 1), pick(random, ResizeMode.values()), pick(random, Gravity.values()),
                random.nextBoolean(), new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256))));
        return new ProcessOptions(pick(random, Compression.values()),
                random.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(1 + random.nextInt(100)),
                pick(random, OutputFormat.values()), resize, metadata);
    }

    private static StoreRequest store(Random random) {
        return new StoreRequest("c" + random.nextInt(1000), random.nextBoolean() ? null : "bucket-" + random.nextInt(99),
                random.nextBoolean() ? null : "eu-west-" + random.nextInt(3), random.nextBoolean() ? null : "a/b é/" + random.nextInt(),
                random.nextBoolean() ? null : pick(random, Acl.values()),
                random.nextBoolean() ? null : pick(random, StorageClass.values()),
                random.nextBoolean() ? Map.of() : Map.of("owner", "team " + random.nextInt(9)),
                random.nextBoolean() ? Map.of() : Map.of("Cache-Control", "max-age=" + random.nextInt(), "Content-Language", "fr"),
                random.nextBoolean() ? Map.of() : Map.of("k", "v\"quoted\""));
    }

    private static <E> E pick(Random random, E[] values) {
        return values[random.nextInt(values.length)];
    }
}
