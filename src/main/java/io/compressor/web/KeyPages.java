package io.compressor.web;

import io.compressor.account.ApiKey;
import io.compressor.account.ApiKeyService;
import io.compressor.account.IssuedKey;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/// `/dashboard/keys`: create (the secret is shown once, on the page that answers the form), list with the
/// last-used time, and revoke.
final class KeyPages {
    private final ApiKeyService keys;
    private final Pages pages;

    KeyPages(ApiKeyService keys, Pages pages) {
        this.keys = keys;
        this.pages = pages;
    }

    void register(PageRoutes routes) {
        routes.get("/dashboard/keys", ctx -> show(ctx, null, ""));
        routes.post("/dashboard/keys", ctx -> show(ctx, keys.issue(Guard.account(ctx).id(), ctx.formParam("label")), ""));
        routes.post("/dashboard/keys/{id}/revoke", ctx -> {
            ApiKey revoked = keys.revoke(Guard.account(ctx).id(), ctx.pathParam("id"));
            show(ctx, null, "Revoked the key " + revoked.prefix() + "…; requests with it now get 401.");
        });
    }

    private void show(Context ctx, IssuedKey issued, String notice) {
        Map<String, Object> params = new HashMap<>();
        params.put("frame", Guard.frame(ctx, "API keys", "keys"));
        params.put("rows", keys.list(Guard.account(ctx).id()).stream().map(KeyRow::of).toList());
        params.put("issued", issued == null ? "" : issued.secret());
        params.put("notice", notice);
        pages.render(ctx, "keys.jte", params);
    }
}
