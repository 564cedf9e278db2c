package io.compressor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.account.Account;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.fetch.Fetched;
import io.compressor.fetch.Fetcher;
import io.compressor.job.Input;
import io.compressor.job.Job;
import io.compressor.job.JobService;
import io.compressor.job.JobView;
import io.compressor.pipeline.ProcessOptions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/// `POST /1.0/upload` and `POST /1.0/fetch`: parse, then one synchronous job each.
final class ProcessingRoutes {
    /// The request attribute Jetty (and Javalin, which sets it only when absent) takes a request's multipart settings from.
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /// The largest `data` part read: the options are a few hundred bytes of JSON.
    static final int MAX_DATA_BYTES = 64 * 1024;
    private final JobService jobs;
    private final Fetcher fetcher;
    private final long maxBytes;
    private final UploadBuffering buffering;
    private final Supplier<URI> publicUrl;

    ProcessingRoutes(JobService jobs, Fetcher fetcher, long maxBytes, UploadBuffering buffering, Supplier<URI> publicUrl) {
        this.jobs = jobs;
        this.fetcher = fetcher;
        this.maxBytes = maxBytes;
        this.buffering = buffering;
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig routes) {
        routes.post("/1.0/upload", this::upload);
        routes.post("/1.0/fetch", this::fetch);
    }

    private void upload(Context ctx) {
        Account account = RequestContext.requireAccount(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw OptionsParser.invalid("Content-Type: expected multipart/form-data with a part \"file\" (the image) and"
                    + " a part \"data\" (JSON options), as curl -F sends them");
        }
        if (ctx.contentLength() > UploadBuffering.maxRequest(maxBytes)) {
            throw tooLarge();
        }
        jobs.refuseIfBusy(ctx.contentLength());
        try (UploadBuffering.Lease lease = buffering.lease(ctx.contentLength())) {
            ctx.req().setAttribute(MULTIPART_CONFIG, lease.config());
            submitUpload(ctx, account);
        }
    }

    private void submitUpload(Context ctx, Account account) {
        UploadedFile file = uploadedFile(ctx);
        String data = dataPart(ctx);
        JsonNode root = RequestJson.parse(data, "data");
        OptionsParser.onlyFields(root, "", "image", "store", "webhook");
        ProcessOptions options = OptionsParser.image(root.get("image"));
        var store = StoreParser.store(root.get("store"));
        var webhook = webhook(root);
        var idempotency = Idempotency.of(ctx, () -> Idempotency.hash(data, file));
        Job job = jobs.submitOnce(idempotency, account.id(), "upload",
                () -> new Input("upload", file.filename(), file.size(), file.content()),
                options, store, webhook, RequestJson.text(root.get("image")), publicUrl.get());
        answer(ctx, job);
    }

    private void fetch(Context ctx) {
        Account account = RequestContext.requireAccount(ctx);
        JsonNode root = RequestJson.parse(ctx.body(), "The body");
        OptionsParser.onlyFields(root, "", "url", "headers", "image", "store", "webhook");
        if (!root.hasNonNull("url") || !root.get("url").isTextual()) {
            throw OptionsParser.invalid("url: required; expected the image's http:// or https:// address");
        }
        String url = root.get("url").asText();
        var headers = RequestJson.headers(root.get("headers"));
        ProcessOptions options = OptionsParser.image(root.get("image"));
        var store = StoreParser.store(root.get("store"));
        var webhook = webhook(root);
        var idempotency = Idempotency.of(ctx, () -> Idempotency.hash(ctx.body(), null));
        jobs.refuseIfBusy(webhook.isPresent() ? Long.MAX_VALUE : 0); // before the source is downloaded
        Job job = jobs.submitOnce(idempotency, account.id(), "fetch", () -> {
            Fetched fetched = fetcher.fetch(url, headers);
            return new Input("fetch", fetched.name(), fetched.size(), fetched.body());
        }, options, store, webhook, RequestJson.text(root.get("image")), publicUrl.get());
        answer(ctx, job);
    }

    /// The `webhook` of a request, its address checked now (a delivery checks it again: DNS changes).
    private java.util.Optional<String> webhook(JsonNode root) {
        var webhook = RequestJson.webhook(root.get("webhook"));
        webhook.ifPresent(fetcher::checkWebhook);
        return webhook;
    }

    /// 200 with the result, or 202 `enqueued` for a job that went to the queue.
    private static void answer(Context ctx, Job job) {
        ctx.status(job.status() == io.compressor.job.JobStatus.ENQUEUED ? 202 : 200).json(JobView.answer(job));
    }

    /// The part `file`, read by Jetty as `UploadBuffering` routed it (off the heap in memory, or to a temporary file), and
    /// refused past the limit; the job then reads it straight into native memory, so an upload never sits whole on the heap.
    private UploadedFile uploadedFile(Context ctx) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) { // Jetty's ServletException arrives undeclared through Kotlin
            String cause = String.valueOf(rootMessage(e)).toLowerCase(Locale.ROOT);
            if (cause.contains("form is larger")) {
                throw dataTooLarge(); // Jetty's limit on the parts that are not the file
            }
            if (cause.contains("max")) {
                throw tooLarge();
            }
            throw OptionsParser.invalid("The multipart body could not be read: " + rootMessage(e));
        }
        if (file == null) {
            throw OptionsParser.invalid("file: required; send the image as the multipart part \"file\" (curl -F file=@photo.jpg)");
        }
        if (file.size() > maxBytes) {
            throw tooLarge();
        }
        return file;
    }

    /// The `data` part, whether sent as a field (`-F 'data={…}'`) or as a file (`-F data=@opts.json`, a browser's
    /// `FormData` Blob); null when there is none.
    private static String dataPart(Context ctx) {
        String field = ctx.formParam("data");
        if (field != null) {
            if (field.length() > MAX_DATA_BYTES || field.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
                throw dataTooLarge();
            }
            return field;
        }
        UploadedFile part = ctx.uploadedFile("data");
        if (part == null) {
            return null;
        }
        if (part.size() > MAX_DATA_BYTES) {
            throw dataTooLarge();
        }
        try (var in = part.content()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OptionsParser.invalid("data: the part could not be read: " + e.getMessage());
        }
    }

    private static ServiceException dataTooLarge() {
        return new ServiceException(ErrorCode.FILE_TOO_LARGE, "data: the options part is larger than its limit of "
                + MAX_DATA_BYTES + " bytes; options are a few hundred bytes of JSON, and the image goes in the part \"file\".");
    }

    private ServiceException tooLarge() {
        return new ServiceException(ErrorCode.FILE_TOO_LARGE, "The upload is larger than " + maxBytes
                + " bytes, the most this server accepts.");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
