package io.compressor.job;

import io.compressor.account.ConnectorService;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.pipeline.ImageInfo;
import io.compressor.pipeline.Pipeline;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.Result;
import io.compressor.storage.Names;
import io.compressor.storage.TempHosting;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/// One request from accepted to done, synchronously: recorded as a job, processed under a permit,
/// hosted for a while, and recorded again with its outcome, success or failure.
public final class JobService {
    private final JobStore store;
    private final Pipeline pipeline;
    private final TempHosting hosting;
    private final Permits permits;
    private final ConnectorService connectors;
    private final Clock clock;

    public JobService(JobStore store, Pipeline pipeline, TempHosting hosting, Permits permits,
            ConnectorService connectors, Clock clock) {
        this.store = store;
        this.pipeline = pipeline;
        this.hosting = hosting;
        this.permits = permits;
        this.connectors = connectors;
        this.clock = clock;
    }

    /// Obtains the input (an upload's bytes, or a download), processes it, and writes the result to the
    /// `store` target, or hosts it under `publicBase` when there is none. The job is recorded first, so a
    /// failure at any point is recorded too, then rethrown.
    public Job process(String accountId, String source, Supplier<Input> obtain, ProcessOptions options,
            Optional<StoreRequest> storeRequest, String optionsJson, URI publicBase) {
        Job job = new Job(UUID.randomUUID().toString(), accountId, JobStatus.PROCESSING, source, optionsJson,
                null, null, null, null, null, null, clock.instant(), null);
        store.insert(job);
        FileFacts known = null;
        try {
            Optional<StoreTarget> target = storeRequest.map(r -> StoreTarget.resolve(accountId, r, connectors));
            Input input = obtain.get();
            String name = Names.sanitize(input.name());
            known = new FileFacts(name, "image", null, null, input.size(), null, 0, 0);
            MessageDigest digest = sha1();
            Result result;
            try (var stream = new java.security.DigestInputStream(input.stream(), digest)) {
                result = permits.run(() -> pipeline.process(stream, input.size(), options));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            known = new FileFacts(name, "image", null, null, input.size(), HexFormat.of().formatHex(digest.digest()), 0, 0);
            FileFacts in = inputFacts(known, result.input());
            String outputName = result.format() == result.input().format() ? name : Names.withExtension(name,
                    result.format().extension());
            FileFacts out = new FileFacts(outputName, "image", result.format().wireName(), result.format().mime(),
                    result.bytes().length, result.unchanged() ? known.sha1() : sha1(result.bytes()), result.width(),
                    result.height());
            Job done;
            if (target.isPresent()) {
                String url = target.get().write(outputName, result.bytes(), out.mime());
                done = job.completed(in, out, url, null, clock.instant());
            } else {
                TempHosting.Hosted hosted = hosting.host(job.id(), outputName, result.bytes());
                String url = publicBase + "/" + hosted.expiresEpochSecond() + "/" + job.id() + "/" + outputName;
                done = job.completed(in, out, url, Instant.ofEpochSecond(hosted.expiresEpochSecond()), clock.instant());
            }
            store.update(done);
            return done;
        } catch (ServiceException e) {
            store.update(job.failed(known, e.code(), e.getMessage(), clock.instant()));
            throw e;
        } catch (RuntimeException e) {
            store.update(job.failed(known, ErrorCode.INTERNAL.code(), "unexpected failure", clock.instant()));
            throw e;
        }
    }

    /// A job of this account, or `job_not_found` (also for another account's id, so ids reveal nothing).
    public Job find(String accountId, String jobId) {
        return store.find(jobId).filter(j -> j.accountId().equals(accountId)).orElseThrow(() -> new ServiceException(
                ErrorCode.JOB_NOT_FOUND, "No job with id \"" + jobId + "\" in this account."));
    }

    /// This calendar month's usage (UTC).
    public Usage usage(String accountId) {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return store.usage(accountId, month.toString(), from, to);
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
