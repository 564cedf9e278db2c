package io.compressor.api;

import io.compressor.job.JobService;
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

    private void show(Context ctx) {
        ctx.json(JobBody.of(jobs.find(RequestContext.requireAccount(ctx).id(), ctx.pathParam("id"))));
    }
}
