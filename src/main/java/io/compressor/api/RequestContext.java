package io.compressor.api;

import io.compressor.account.Account;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/// Per-request facts kept on the Javalin context: the request id (echoed in `X-Request-Id` and in
/// every error body) and the authenticated account.
final class RequestContext {
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String ID = "compressor.requestId";
    private static final String ACCOUNT = "compressor.account";
    /// A caller's own id is kept when it is short and plain, so it can be traced through a proxy.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestContext() {}

    /// Runs first on every request: every response carries an id, errors included.
    static void assignId(Context ctx) {
        String given = ctx.header(REQUEST_ID_HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ID, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    static String id(Context ctx) {
        String id = ctx.attribute(ID);
        if (id == null) {
            assignId(ctx);
            id = ctx.attribute(ID);
        }
        return id;
    }

    static void account(Context ctx, Account account) {
        ctx.attribute(ACCOUNT, account);
    }

    static Optional<Account> account(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACCOUNT));
    }

    static Account requireAccount(Context ctx) {
        return account(ctx).orElseThrow(() -> new IllegalStateException("route is not behind the authenticator"));
    }
}
