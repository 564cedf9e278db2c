package io.compressor.web;

import io.javalin.http.Context;
import java.time.Duration;

/// The dashboard's cookies: never readable by scripts, `Secure` whenever the browser reaches us over TLS
/// (directly, or through a proxy whose public URL is https).
final class Cookies {
    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    void set(Context ctx, String name, String value, String path, Duration maxAge, String sameSite) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=" + sameSite + (secure ? "; Secure" : ""));
    }

    void clear(Context ctx, String name, String path) {
        set(ctx, name, "", path, Duration.ZERO, "Lax");
    }
}
