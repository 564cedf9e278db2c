package io.compressor.web;

import io.compressor.account.Account;
import io.compressor.account.AccountService;
import io.compressor.account.Session;
import io.compressor.account.SignInService;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/// Runs before every dashboard request: security headers on every page; then, except for the sign-in
/// page and the assets, a live session (or a redirect to sign in) and, on every POST, the session's
/// CSRF token in the form.
final class Guard {
    static final String SESSION_COOKIE = "compressor_session";
    private static final String SESSION = "compressor.dashboard.session";
    private static final String ACCOUNT = "compressor.dashboard.account";

    private final SignInService signIns;
    private final AccountService accounts;
    private final Pages pages;

    Guard(SignInService signIns, AccountService accounts, Pages pages) {
        this.signIns = signIns;
        this.accounts = accounts;
        this.pages = pages;
    }

    void check(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self';"
                + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        if (path.equals("/dashboard/sign-in") || path.startsWith("/dashboard/assets/")) {
            return;
        }
        Optional<Session> session = signIns.session(ctx.cookie(SESSION_COOKIE));
        Optional<Account> account = session.flatMap(s -> accounts.find(s.accountId()));
        if (account.isEmpty()) {
            ctx.redirect("/dashboard/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST") && !same(session.get().csrfToken(), ctx.formParam("csrf"))) {
            forbidden(ctx, pages);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION, session.get());
        ctx.attribute(ACCOUNT, account.get());
    }

    /// The page answered to a form posted without its token: from another site, or an old page.
    static void forbidden(Context ctx, Pages pages) {
        pages.render(ctx, 403, "message.jte", java.util.Map.of("title", "Form refused",
                "message", "This form was refused: it did not carry this session's security token. That happens when"
                        + " the page is old or the form was sent from another site. Go back, reload the page and try again."));
    }

    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    static Account account(Context ctx) {
        return ctx.attribute(ACCOUNT);
    }

    static Frame frame(Context ctx, String title, String section) {
        Account a = account(ctx);
        return new Frame(title, section, a.name(), a.email(), session(ctx).csrfToken());
    }
}
