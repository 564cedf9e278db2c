package io.compressor.web;

import io.compressor.job.FileFacts;
import io.compressor.job.Job;
import java.util.Locale;

/// One job as the activity table shows it. Fields are empty, not null, when unknown.
public record JobRow(String id, String created, String status, String inputName, String inputSize, String outputSize,
        String savings, String format, String dimensions, String quality, String error, String url) {
    static JobRow of(Job job) {
        FileFacts in = job.input();
        FileFacts out = job.output();
        boolean known = in != null && in.format() != null;
        String format = !known ? "" : in.format() + (out == null ? "" : " → " + out.format());
        String dims = !known || in.width() == 0 ? "" : in.width() + "×" + in.height()
                + (out == null ? "" : " → " + out.width() + "×" + out.height());
        String error = job.errorCode() == null ? "" : job.errorCode() + ": " + job.errorMessage();
        String quality = out == null || out.quality() == null ? "" : String.format(Locale.ROOT, "q%d, SSIM %.4f",
                out.quality().encoder(), out.quality().score());
        return new JobRow(job.id(), Format.time(job.createdAt()), job.status().name().toLowerCase(Locale.ROOT),
                in == null ? "" : in.name(), in == null ? "" : Format.bytes(in.size()),
                out == null ? "" : Format.bytes(out.size()), in == null || out == null ? "" : Format.savings(in.size(), out.size()),
                format, dims, quality, error, job.url() == null ? "" : job.url());
    }
}
