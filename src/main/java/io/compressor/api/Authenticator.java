package io.compressor.api;

import io.compressor.account.ApiKeyService;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.javalin.http.Context;

/// The before-handler of every `/1.0/*` route: no valid key, no further.
final class Authenticator {
    private final ApiKeyService keys;

    Authenticator(ApiKeyService keys) {
        this.keys = keys;
    }

    void authenticate(Context ctx) {
        String key = AuthorizationHeader.apiKey(ctx.header("Authorization")).orElseThrow(() -> new ServiceException(
                ErrorCode.UNAUTHORIZED, "Missing API key: send it as HTTP Basic user name (curl -u KEY:)"
                        + " or as \"Authorization: Bearer KEY\""));
        RequestContext.account(ctx, keys.authenticate(key).orElseThrow(() -> new ServiceException(
                ErrorCode.UNAUTHORIZED, "Unknown or revoked API key: check the key, or create one with"
                        + " `compressor keys create`")));
    }
}
