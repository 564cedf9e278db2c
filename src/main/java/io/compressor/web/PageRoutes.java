package io.compressor.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.function.UnaryOperator;

/// Where a page registers its routes: each handler runs inside the dashboard's failure page.
record PageRoutes(RoutesConfig routes, UnaryOperator<Handler> wrap) {
    void get(String path, Handler handler) {
        routes.get(path, wrap.apply(handler));
    }

    void post(String path, Handler handler) {
        routes.post(path, wrap.apply(handler));
    }
}
