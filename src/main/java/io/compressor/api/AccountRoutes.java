package io.compressor.api;

import io.compressor.account.Account;
import io.compressor.account.AccountService;
import io.compressor.job.JobService;
import io.compressor.job.Usage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;

/// `GET /1.0/account`: the account behind the key, its plan limits, this month's usage and the webhook
/// secret; `POST /1.0/account/webhook-secret` rotates that secret.
final class AccountRoutes {
    private final AccountService accounts;
    private final JobService jobs;
    private final Plan plan;

    AccountRoutes(AccountService accounts, JobService jobs, Plan plan) {
        this.accounts = accounts;
        this.jobs = jobs;
        this.plan = plan;
    }

    void register(RoutesConfig routes) {
        routes.get("/1.0/account", this::show);
        routes.post("/1.0/account/webhook-secret", ctx -> ctx.json(new SecretBody(true,
                accounts.rotateWebhookSecret(RequestContext.requireAccount(ctx).id()))));
    }

    private void show(Context ctx) {
        Account account = RequestContext.requireAccount(ctx);
        ctx.json(new AccountBody(true, account.id(), account.name(), account.email(), account.createdAt(), plan,
                jobs.usage(account.id()), accounts.webhookSecret(account.id())));
    }

    /// Limits that apply to every request of the account. A self-hosted service has no request quota.
    record Plan(String name, Long requestsPerMonth, long maxFileSize, long maxPixels) {}

    record AccountBody(boolean success, String id, String name, String email, Instant createdAt, Plan plan,
            Usage usage, String webhookSecret) {}

    record SecretBody(boolean success, String webhookSecret) {}
}
