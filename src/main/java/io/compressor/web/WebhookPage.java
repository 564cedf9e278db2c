package io.compressor.web;

import io.compressor.account.AccountService;
import io.javalin.http.Context;
import java.util.Map;

/// `/dashboard/webhook`: the key that signs this account's webhooks, shown on demand, and its rotation.
final class WebhookPage {
    private final AccountService accounts;
    private final Pages pages;

    WebhookPage(AccountService accounts, Pages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    void register(PageRoutes routes) {
        routes.get("/dashboard/webhook", ctx -> show(ctx, ""));
        routes.post("/dashboard/webhook/rotate", ctx -> {
            accounts.rotateWebhookSecret(Guard.account(ctx).id());
            show(ctx, "Rotated: webhooks are signed with the new secret from now on. Update your receivers.");
        });
    }

    private void show(Context ctx, String notice) {
        pages.render(ctx, "webhook.jte", Map.of("frame", Guard.frame(ctx, "Webhook secret", "webhook"),
                "secret", accounts.webhookSecret(Guard.account(ctx).id()), "notice", notice));
    }
}
