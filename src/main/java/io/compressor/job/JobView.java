package io.compressor.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/// A job as API.md shows it. `of` is what `GET /1.0/jobs/{id}` and webhooks show: always a `status`, and once
/// completed the success body with it; `answer` is the synchronous answer, the success body without `status`.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(boolean success, String id, String status, String url, FileFacts input, FileFacts output, String code,
        String message, Webhook webhook) {

    /// *(ext)* What became of a job's webhook so far: delivered or not, and every attempt made.
    public record Webhook(boolean delivered, List<WebhookAttempt> attempts) {}

    public static JobView of(Job job) {
        String status = job.status().name().toLowerCase(Locale.ROOT);
        return switch (job.status()) {
            case COMPLETED -> new JobView(true, job.id(), status, job.url(), job.input(), job.output(), null, null, null);
            case FAILED -> new JobView(false, job.id(), status, null, null, null, job.errorCode(), job.errorMessage(), null);
            case ENQUEUED, PROCESSING -> new JobView(true, job.id(), status, null, null, null, null, null, null);
        };
    }

    /// The answer to the request that made the job: a completed job's success body has no `status`.
    public static JobView answer(Job job) {
        JobView view = of(job);
        return job.status() == JobStatus.COMPLETED
                ? new JobView(true, view.id(), null, view.url(), view.input(), view.output(), null, null, null) : view;
    }

    /// This view with the webhook's attempts, when any was made.
    public JobView withWebhook(List<WebhookAttempt> attempts) {
        return attempts.isEmpty() ? this : new JobView(success, id, status, url, input, output, code, message,
                new Webhook(attempts.stream().anyMatch(WebhookAttempt::delivered), attempts));
    }
}
