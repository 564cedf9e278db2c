package io.compressor.job;

import io.compressor.account.ConnectorService;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.pipeline.ImageInfo;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Result;
import io.compressor.storage.ObjectKeys;
import io.compressor.storage.Names;
import io.compressor.storage.TempHosting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/// Runs one job to its end, for the synchronous path and the workers alike: obtain the input, process
/// it under a permit, write it to the `store` target or host it, and return the completed job, or
/// throw with the facts known so far recorded on the failure.
final class JobRunner {
    private final Pipeline pipeline;
    private final TempHosting hosting;
    private final Permits permits;
    private final ConnectorService connectors;
    private final Clock clock;

    JobRunner(Pipeline pipeline, TempHosting hosting, Permits permits, ConnectorService connectors, Clock clock) {
        this.pipeline = pipeline;
        this.hosting = hosting;
        this.permits = permits;
        this.connectors = connectors;
        this.clock = clock;
    }

    /// A failure with the input facts that were known when it happened.
    static final class Failed extends RuntimeException {
        final FileFacts known;
        final RuntimeException cause;

        Failed(FileFacts known, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.known = known;
            this.cause = cause;
        }
    }

    Optional<StoreTarget> target(String accountId, Optional<StoreRequest> store) {
        return store.map(r -> StoreTarget.resolve(accountId, r, connectors));
    }

    Job run(Job job, Input input, ProcessOptions options, Optional<StoreTarget> target, URI publicBase) {
        String name = Names.sanitize(input.name());
        FileFacts known = new FileFacts(name, "image", null, null, input.size(), null, 0, 0);
        try {
            MessageDigest digest = sha1();
            Result result;
            try (var stream = new DigestInputStream(input.stream(), digest)) {
                result = permits.run(() -> pipeline.process(stream, input.size(), options));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            known = new FileFacts(name, "image", null, null, input.size(), HexFormat.of().formatHex(digest.digest()), 0, 0);
            FileFacts in = inputFacts(known, result.input());
            String outputName = result.format().fileName(name);
            FileFacts out = new FileFacts(outputName, "image", result.format().wireName(), result.format().mime(),
                    result.bytes().length, result.unchanged() ? known.sha1() : sha1(result.bytes()), result.width(),
                    result.height(), result.quality() == null ? null : new QualityFacts(result.quality().encoder(),
                            result.quality().score(), result.quality().target()));
            if (target.isPresent()) {
                return job.completed(in, out, target.get().write(outputName, result.bytes(), out.mime()), null, clock.instant());
            }
            TempHosting.Hosted hosted = hosting.host(job.id(), outputName, result.bytes());
            String url = publicBase + "/" + hosted.expiresEpochSecond() + "/" + job.id() + "/" + ObjectKeys.encode(outputName);
            return job.completed(in, out, url, Instant.ofEpochSecond(hosted.expiresEpochSecond()), clock.instant());
        } catch (RuntimeException e) {
            throw new Failed(known, e);
        }
    }

    /// The job as failed, with the error's public code and message.
    Job failed(Job job, Failed failure) {
        if (failure.cause instanceof ServiceException s) {
            return job.failed(failure.known, s.code(), s.getMessage(), clock.instant());
        }
        return job.failed(failure.known, ErrorCode.INTERNAL.code(), "unexpected failure", clock.instant());
    }

    /// Width and height as the image stands upright, which is how every viewer shows it.
    private static FileFacts inputFacts(FileFacts known, ImageInfo info) {
        boolean turned = info.orientation() >= 5 && info.orientation() <= 8;
        return new FileFacts(known.name(), "image", info.format().wireName(), info.format().mime(), known.size(),
                known.sha1(), turned ? info.height() : info.width(), turned ? info.width() : info.height());
    }

    static String sha1(byte[] bytes) {
        return HexFormat.of().formatHex(sha1().digest(bytes));
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
