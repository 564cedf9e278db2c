package io.compressor.api;

import io.compressor.account.AccountService;
import io.compressor.account.ApiKeyService;
import io.compressor.account.ConnectorService;
import io.compressor.account.SignInService;
import io.compressor.fetch.Fetcher;
import io.compressor.job.JobService;
import io.compressor.storage.TempHosting;
import io.compressor.web.Dashboard;
import io.javalin.config.SizeUnit;
import java.time.Clock;
import java.time.Duration;
import io.compressor.pipeline.Limits;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The HTTP face of the service: Javalin on virtual threads, every route registered here in one
/// place, in the order they run: request id, authentication of `/1.0/*`, routes, the dashboard, error writer.
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private final ApiConfig config;
    private final Javalin javalin;
    /// Bytes read from a connection at a time: a few megabytes of upload arrive in a quarter of the reads (and of Jetty's
    /// work around each read) that Jetty's default 16 KiB takes (bench/http.sh, docs/performance.md). A size Jetty pools.
    private static final int INPUT_BUFFER = 64 * 1024;
    private final GracefulHandler inFlight = new GracefulHandler();

    /// What the routes call. Services only: the API never touches a repository.
    public record Services(AccountService accounts, ApiKeyService keys, JobService jobs, ConnectorService connectors,
            SignInService signIns, TempHosting hosting, Fetcher fetcher, BooleanSupplier databaseUp,
            PrometheusMeterRegistry metrics, Limits limits, Clock clock) {}

    public HttpServer(ApiConfig config, Services services) {
        this.config = config;
        this.javalin = Javalin.create(javalin -> configure(javalin, services));
    }

    private void configure(JavalinConfig javalin, Services services) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.concurrency.useVirtualThreads = true;
        javalin.http.prefer405over404 = true;
        javalin.jsonMapper(new JavalinJackson(Json.mapper(), true));
        javalin.jetty.host = config.host();
        javalin.jetty.port = config.port();
        javalin.jetty.modifyServer(this::graceful);
        javalin.jetty.multipartConfig.maxFileSize(services.limits().maxInputBytes(), SizeUnit.BYTES);
        javalin.jetty.multipartConfig.maxTotalRequestSize(UploadBuffering.maxRequest(services.limits().maxInputBytes()),
                SizeUnit.BYTES);
        javalin.jetty.multipartConfig.maxInMemoryFileSize(UploadBuffering.SMALL_PART, SizeUnit.BYTES);
        javalin.http.maxRequestSize = 1024 * 1024;
        config.tls().ifPresent(tls -> javalin.jetty.addConnector((server, http) -> tlsConnector(server, http, tls)));
        javalin.requestLogger.http(new RequestLog(services.metrics())::record);

        var routes = javalin.routes;
        routes.before(RequestContext::assignId);
        routes.before("/1.0/*", new Authenticator(services.keys())::authenticate);
        RateLimits limits = new RateLimits(config.rateLimitPerMinute(), services.clock());
        routes.before("/1.0/*", ctx -> limits.take(RequestContext.requireAccount(ctx).id()));
        new AccountRoutes(services.accounts(), services.jobs(), new AccountRoutes.Plan("self-hosted", null,
                services.limits().maxInputBytes(), services.limits().maxInputPixels())).register(routes);
        new ProcessingRoutes(services.jobs(), services.fetcher(), services.limits().maxInputBytes(), new UploadBuffering(
                config.uploads(), services.limits().maxInputBytes()), this::publicUrl)
                .register(routes);
        new JobRoutes(services.jobs()).register(routes);
        new ConnectorRoutes(services.connectors()).register(routes);
        new OpsRoutes(services.databaseUp(), services.metrics()).register(routes);
        new OpenApiRoute().register(routes);
        new Dashboard(new Dashboard.Services(services.accounts(), services.keys(), services.connectors(), services.jobs(),
                services.signIns()), this::publicUrl, browserUsesTls()).register(routes);
        new HostedRoutes(services.hosting(), services.clock()).register(routes); // last: its pattern is the widest
        ErrorWriter.register(routes);
    }

    /// Whether browsers reach the dashboard over TLS: served here, or behind a proxy whose public URL is https.
    private boolean browserUsesTls() {
        return config.tls().isPresent() || config.publicUrl().map(u -> "https".equals(u.getScheme())).orElse(false);
    }

    /// Tracks requests in flight, so that `close` can wait for them; Jetty's own stop then needs no grace
    /// (it would also wait for idle keep-alive connections, which never end by themselves). Jetty's own refusals
    /// are answered as API.md's error body (`JettyErrors`).
    private void graceful(Server server) {
        server.setErrorHandler(new JettyErrors());
        server.setStopTimeout(0);
        server.setStopAtShutdown(false);
        server.insertHandler(inFlight);
    }

    private ServerConnector tlsConnector(Server server, HttpConfiguration http, ApiConfig.Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(TlsKeys.load(tls));
        ssl.setKeyStorePassword(new String(TlsKeys.PASSWORD));
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    /// Starts serving. Connections may stay quiet for minutes while a large image waits for a permit and
    /// is processed, so Jetty's idle timeout (30 s by default) is raised to ten minutes. Requests are read
    /// `INPUT_BUFFER` bytes at a time.
    public HttpServer start() {
        javalin.start();
        for (Connector connector : javalin.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector server) {
                server.setIdleTimeout(Duration.ofMinutes(10).toMillis());
                server.getConnectionFactory(HttpConnectionFactory.class).setInputBufferSize(INPUT_BUFFER);
            }
        }
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /// The base of URLs handed to clients: `COMPRESSOR_PUBLIC_URL`, or the address actually bound.
    public URI publicUrl() {
        return config.publicUrl().orElseGet(() -> {
            String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
            String scheme = config.tls().isPresent() ? "https" : "http";
            return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
        });
    }

    /// Stops accepting connections, lets requests in flight finish within the grace period, then stops.
    @Override
    public void close() {
        Server server = javalin.jettyServer().server();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof Graceful graceful) {
                graceful.shutdown();
            }
        }
        try {
            inFlight.shutdown().get(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Requests still in flight after the {} s grace period are cut off", config.shutdownGrace().toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("Waiting for requests in flight failed", e);
        }
        javalin.stop();
    }
}
