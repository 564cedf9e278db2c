package io.compressor.web;

import io.compressor.account.AccountService;
import io.compressor.account.ApiKeyService;
import io.compressor.account.ConnectorService;
import io.compressor.account.SignInService;
import io.compressor.error.ServiceException;
import io.compressor.job.JobService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The account dashboard at `/dashboard`: server-rendered pages over the services the API uses.
/// A failure on a page is answered as a page in words, never as the API's JSON.
public final class Dashboard {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private static final Map<String, String> ASSETS = Map.of("dashboard.css", "text/css", "dashboard.js", "text/javascript");

    /// What the pages call.
    public record Services(AccountService accounts, ApiKeyService keys, ConnectorService connectors, JobService jobs,
            SignInService signIns) {}

    private final Services services;
    private final Supplier<URI> publicUrl;
    private final Cookies cookies;
    private final Pages pages = new Pages();

    /// `secureCookies`: the browser reaches us over TLS, so cookies are sent only over TLS.
    public Dashboard(Services services, Supplier<URI> publicUrl, boolean secureCookies) {
        this.services = services;
        this.publicUrl = publicUrl;
        this.cookies = new Cookies(secureCookies);
    }

    public void register(RoutesConfig routes) {
        Guard guard = new Guard(services.signIns(), services.accounts(), pages);
        routes.before("/dashboard", guard::check);
        routes.before("/dashboard/*", guard::check);
        PageRoutes safe = new PageRoutes(routes, this::answered);
        new SignInPages(services.signIns(), pages, cookies).register(safe);
        new ActivityPage(services.jobs(), pages).register(safe);
        new ConnectorPages(services.connectors(), pages, publicUrl).register(safe);
        new KeyPages(services.keys(), pages).register(safe);
        new WebhookPage(services.accounts(), pages).register(safe);
        routes.get("/dashboard/assets/{name}", this::asset);
    }

    /// Runs a page handler, answering a service's refusal as a page that says what went wrong.
    private Handler answered(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (ServiceException e) {
                if (e.status() >= 500) {
                    log.error("dashboard page {} failed: {}", ctx.path(), e.getMessage(), e);
                }
                message(ctx, e.status(), "Something went wrong", e.getMessage());
            }
        };
    }

    private void message(Context ctx, int status, String title, String message) {
        pages.render(ctx, status, "message.jte", Map.of("title", title, "message", message));
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        String type = ASSETS.get(name);
        if (type == null) {
            message(ctx, 404, "Not found", "There is no such file.");
            return;
        }
        try (InputStream in = Dashboard.class.getResourceAsStream("/dashboard/" + name)) {
            ctx.header("Cache-Control", "public, max-age=3600").contentType(type + "; charset=utf-8").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
