package io.compressor.bench;

import io.compressor.storage.Acl;
import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.Provider;
import io.compressor.storage.StorageClass;
import io.compressor.storage.StoreOptions;
import io.compressor.storage.s3.S3Connector;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/// The store step alone: PUT a result of SIZE bytes to the gateway, COUNT times in a row after a
/// warm-up, and print `median_ms=… p99_ms=…`.
/// Usage: StoreBench ENDPOINT BUCKET SIZE COUNT
public final class StoreBench {
    private StoreBench() {}

    public static void main(String[] args) {
        S3Connector connector = new S3Connector(new ConnectorSpec("bench", Provider.S3_COMPATIBLE, args[0], true, true,
                "test", "testsecret"));
        byte[] body = new byte[Integer.parseInt(args[2])];
        new Random(1).nextBytes(body);
        int count = Integer.parseInt(args[3]);
        long[] millis = new long[count];
        for (int i = -20; i < count; i++) {
            long t0 = System.nanoTime();
            connector.put(new StoreOptions(args[1], "us-east-1", "bench/" + (i & 63) + ".jpg", Acl.PUBLIC_READ,
                    StorageClass.STANDARD, Map.of(), Map.of("Cache-Control", "max-age=86400"), Map.of()), body, "image/jpeg");
            if (i >= 0) {
                millis[i] = (System.nanoTime() - t0) / 1000;
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "median_ms=%.2f p99_ms=%.2f%n", millis[count / 2] / 1000.0,
                millis[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1000.0);
    }
}
