package io.compressor.bench;

import io.compressor.testing.TestS3;

/// Creates a bucket on the benchmark's gateway (user `test`). Usage: MakeBucket ENDPOINT BUCKET
public final class MakeBucket {
    private MakeBucket() {}

    public static void main(String[] args) {
        try (var s3 = TestS3.admin(args[0])) {
            s3.createBucket(b -> b.bucket(args[1]));
        }
    }
}
