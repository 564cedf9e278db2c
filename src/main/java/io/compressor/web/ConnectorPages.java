package io.compressor.web;

import io.compressor.account.Connector;
import io.compressor.account.ConnectorService;
import io.compressor.account.Credentials;
import io.compressor.error.ServiceException;
import io.compressor.storage.Provider;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/// `/dashboard/connectors`: list, create (a form per provider), test and delete storage connectors.
/// A secret goes in through a form and never comes back out: not in the list, not in a re-shown form.
final class ConnectorPages {
    /// Fields of the create form, in the order they are shown; the secret is never echoed back.
    private static final List<String> ECHOED = List.of("name", "endpoint", "access_key_id", "bucket", "region", "path");

    private final ConnectorService connectors;
    private final Pages pages;
    private final Supplier<URI> publicUrl;

    ConnectorPages(ConnectorService connectors, Pages pages, Supplier<URI> publicUrl) {
        this.connectors = connectors;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    void register(PageRoutes routes) {
        routes.get("/dashboard/connectors", ctx -> show(ctx, 200, new State(ctx.queryParam("created") == null ? ""
                : "Created the connector. Test it, then use its id in requests.", "", null, Map.of(), Map.of())));
        routes.post("/dashboard/connectors", this::create);
        routes.post("/dashboard/connectors/{id}/test", this::test);
        routes.get("/dashboard/connectors/{id}/delete", this::confirmDelete);
        routes.post("/dashboard/connectors/{id}/delete", this::delete);
    }

    /// What the page shows beyond the list: a notice, the form to re-open with its values and errors, a test result.
    record State(String notice, String openProvider, Tested tested, Map<String, String> values, Map<String, String> errors) {}

    private void show(Context ctx, int status, State state) {
        String account = Guard.account(ctx).id();
        Map<String, Object> params = new HashMap<>();
        params.put("frame", Guard.frame(ctx, "Storage connectors", "connectors"));
        params.put("rows", connectors.list(account).stream().map(c -> ConnectorRow.of(c, publicUrl.get())).toList());
        params.put("forms", ProviderForm.all());
        params.put("notice", state.notice());
        params.put("open", state.openProvider());
        params.put("tested", state.tested());
        params.put("values", state.values());
        params.put("errors", state.errors());
        pages.render(ctx, status, "connectors.jte", params);
    }

    private void create(Context ctx) {
        String providerName = String.valueOf(ctx.formParam("provider"));
        Map<String, String> values = new HashMap<>();
        ECHOED.forEach(f -> values.put(f, blankToNull(ctx.formParam(f))));
        try {
            Provider provider = Provider.fromWire(providerName);
            Connector created = connectors.create(Guard.account(ctx).id(), new ConnectorService.NewConnector(
                    values.get("name"), provider, values.get("endpoint"), null, null,
                    new Connector.Defaults(values.get("bucket"), values.get("region"), values.get("path"), null),
                    new Credentials(String.valueOf(values.get("access_key_id")),
                            String.valueOf(blankToNull(ctx.formParam("secret_access_key"))))));
            ctx.redirect("/dashboard/connectors?created=" + created.id() + "#connector-" + created.id(), HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            show(ctx, 400, new State("", "", null, values, Map.of("provider", "Choose one of the providers listed.")));
        } catch (ServiceException e) {
            show(ctx, 400, new State("", providerName, null, values, Map.of(field(e.getMessage()), e.getMessage())));
        }
    }

    private void test(Context ctx) {
        String id = ctx.pathParam("id");
        Tested tested;
        try {
            String bucket = connectors.test(Guard.account(ctx).id(), id, ctx.formParam("bucket"), ctx.formParam("region"));
            tested = new Tested(id, true, "It works: wrote and removed a probe object in \"" + bucket + "\".");
        } catch (ServiceException e) {
            tested = new Tested(id, false, e.getMessage());
        }
        show(ctx, 200, new State("", "", tested, Map.of(), Map.of()));
    }

    private void confirmDelete(Context ctx) {
        Connector c = connectors.get(Guard.account(ctx).id(), ctx.pathParam("id"));
        pages.render(ctx, "connector-delete.jte", Map.of("frame", Guard.frame(ctx, "Delete connector", "connectors"),
                "row", ConnectorRow.of(c, publicUrl.get())));
    }

    private void delete(Context ctx) {
        connectors.delete(Guard.account(ctx).id(), ctx.pathParam("id"));
        show(ctx, 200, new State("Deleted the connector. Requests that name its id now fail with connector_not_found.",
                "", null, Map.of(), Map.of()));
    }

    /// The form field a service message is about: services start their messages with it ("endpoint: ...").
    private static String field(String message) {
        String head = message.contains(":") ? message.substring(0, message.indexOf(':')) : "";
        return switch (head) {
            case "credentials" -> "access_key_id";
            case "name", "endpoint", "bucket", "region", "path" -> head;
            default -> "form";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
