package io.compressor.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/// Unauthenticated routes for operators: `/health` for load balancers and `/metrics` for Prometheus.
/// Both reveal nothing about accounts; bind the service to loopback or filter them at the proxy
/// when the scrape must stay private.
final class OpsRoutes {
    private final BooleanSupplier databaseUp;
    private final PrometheusMeterRegistry metrics;

    OpsRoutes(BooleanSupplier databaseUp, PrometheusMeterRegistry metrics) {
        this.databaseUp = databaseUp;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/metrics", this::metrics);
    }

    private void health(Context ctx) {
        boolean up = databaseUp.getAsBoolean();
        ctx.status(up ? 200 : 503).json(new Health(up ? "ok" : "unavailable", up ? "ok" : "unreachable"));
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    record Health(String status, String database) {}
}
