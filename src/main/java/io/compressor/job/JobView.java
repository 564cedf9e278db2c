package io.compressor.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/// A job as API.md shows it, in responses and webhooks alike: the success body once completed, else
/// its status (and error, once failed).
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(boolean success, String id, String status, String url, FileFacts input, FileFacts output, String code,
        String message) {

    public static JobView of(Job job) {
        if (job.status() == JobStatus.COMPLETED) {
            return new JobView(true, job.id(), null, job.url(), job.input(), job.output(), null, null);
        }
        String status = job.status().name().toLowerCase(Locale.ROOT);
        if (job.status() == JobStatus.FAILED) {
            return new JobView(false, job.id(), status, null, null, null, job.errorCode(), job.errorMessage());
        }
        return new JobView(true, job.id(), status, null, null, null, null, null);
    }
}
