package io.compressor.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/// Renders the dashboard's templates (`src/main/jte`, compiled to classes at build time) into responses.
/// Every value goes through the template's HTML escaping; no page takes raw HTML from a request.
final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        ctx.status(status);
        render(ctx, template, params);
    }
}
