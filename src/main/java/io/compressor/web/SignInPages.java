package io.compressor.web;

import io.compressor.account.RandomTokens;
import io.compressor.account.Session;
import io.compressor.account.SignInService;
import io.compressor.error.RetryLaterException;
import io.compressor.error.ServiceException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/// `/dashboard/sign-in` and `/dashboard/sign-out`. Before there is a session, the sign-in form is
/// protected by a token that is both in a cookie and in the form (a cross-site form cannot read it).
final class SignInPages {
    private static final String FORM_COOKIE = "compressor_sign_in";
    private static final String FORM_PATH = "/dashboard/sign-in";

    private final SignInService signIns;
    private final Pages pages;
    private final Cookies cookies;

    SignInPages(SignInService signIns, Pages pages, Cookies cookies) {
        this.signIns = signIns;
        this.pages = pages;
        this.cookies = cookies;
    }

    void register(PageRoutes routes) {
        routes.get(FORM_PATH, ctx -> form(ctx, 200, "", null));
        routes.post(FORM_PATH, this::signIn);
        routes.post("/dashboard/sign-out", this::signOut);
    }

    private void form(Context ctx, int status, String email, String error) {
        String token = RandomTokens.urlSafe(24);
        cookies.set(ctx, FORM_COOKIE, token, FORM_PATH, Duration.ofHours(1), "Strict");
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", token);
        params.put("email", email);
        params.put("error", error);
        pages.render(ctx, status, "sign-in.jte", params);
    }

    private void signIn(Context ctx) {
        String expected = ctx.cookie(FORM_COOKIE);
        if (expected == null || !Guard.same(expected, ctx.formParam("csrf"))) {
            Guard.forbidden(ctx, pages);
            return;
        }
        String email = ctx.formParam("email");
        try {
            Session session = signIns.signIn(email, ctx.formParam("password"));
            cookies.clear(ctx, FORM_COOKIE, FORM_PATH);
            cookies.set(ctx, Guard.SESSION_COOKIE, session.token(), "/dashboard", SignInService.SESSION, "Lax");
            ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            if (e instanceof RetryLaterException later) {
                ctx.header("Retry-After", Long.toString(later.retryAfter().toSeconds()));
            }
            form(ctx, e.status(), email == null ? "" : email, e.getMessage());
        }
    }

    private void signOut(Context ctx) {
        signIns.signOut(ctx.cookie(Guard.SESSION_COOKIE));
        cookies.clear(ctx, Guard.SESSION_COOKIE, "/dashboard");
        ctx.redirect(FORM_PATH, HttpStatus.SEE_OTHER);
    }
}
