package io.compressor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.compressor.job.FileFacts;
import io.compressor.job.Job;
import io.compressor.job.JobStatus;
import java.util.Locale;

/// A job as API.md shows it: the success body once completed, else its status (and error, once failed).
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobBody(boolean success, String id, String status, String url, FileFacts input, FileFacts output, String code,
        String message) {

    static JobBody of(Job job) {
        if (job.status() == JobStatus.COMPLETED) {
            return new JobBody(true, job.id(), null, job.url(), job.input(), job.output(), null, null);
        }
        String status = job.status().name().toLowerCase(Locale.ROOT);
        if (job.status() == JobStatus.FAILED) {
            return new JobBody(false, job.id(), status, null, null, null, job.errorCode(), job.errorMessage());
        }
        return new JobBody(true, job.id(), status, null, null, null, null, null);
    }
}
