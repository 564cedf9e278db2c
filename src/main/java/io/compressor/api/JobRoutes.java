package io.compressor.api;

import io.compressor.job.JobService;
import io.compressor.job.JobView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/// `GET /1.0/jobs/{id}`: a job of the caller's account; another account's id is `job_not_found`.
final class JobRoutes {
    private final JobService jobs;

    JobRoutes(JobService jobs) {
        this.jobs = jobs;
    }

    void register(RoutesConfig routes) {
        routes.get("/1.0/jobs/{id}", this::show);
    }

    /// `?wait=N` (0-60) holds the request until the job ends or N seconds pass.
    private void show(Context ctx) {
        String wait = ctx.queryParam("wait");
        int seconds = 0;
        if (wait != null) {
            if (!wait.matches("\\d{1,2}") || Integer.parseInt(wait) > 60) {
                throw OptionsParser.invalid("wait: expected a whole number of seconds from 0 to 60 but received \"" + wait + "\"");
            }
            seconds = Integer.parseInt(wait);
        }
        String account = RequestContext.requireAccount(ctx).id();
        JobView view = JobView.of(jobs.await(account, ctx.pathParam("id"), java.time.Duration.ofSeconds(seconds)));
        ctx.json(view.withWebhook(jobs.webhookAttempts(account, view.id())));
    }
}
