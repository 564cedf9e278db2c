package io.compressor.app;

import static io.compressor.app.Settings.*;

import io.compressor.api.ApiConfig;
import io.compressor.db.DbConfig;
import io.compressor.fetch.Cidr;
import io.compressor.fetch.FetchConfig;
import io.compressor.job.JobConfig;
import io.compressor.pipeline.EngineConfig;
import io.compressor.pipeline.Limits;
import io.compressor.storage.Provider;
import io.compressor.storage.SpoolConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/// Builds `AppConfig` from `COMPRESSOR_*` variables: the only place that reads the environment.
/// Every problem is collected and reported together in one `ConfigException`.
final class ConfigLoader {
    private ConfigLoader() {}

    static AppConfig load(Map<String, String> variables) {
        Environment env = new Environment(variables);
        Path dataDir = Path.of(env.text(DATA_DIR, DATA_DIR.defaultValue()));
        ApiConfig api = api(env, dataDir);
        DbConfig db = database(env, dataDir);
        EngineConfig engine = engine(env);
        int permits = env.integer(PROCESSING_PERMITS, 0, 1024);
        JobConfig jobs = new JobConfig(Duration.ofSeconds(env.integer(RESULT_TTL, 60, 30 * 24 * 3600)),
                permits == 0 ? Runtime.getRuntime().availableProcessors() : permits, env.integer(PROCESSING_QUEUE, 0, 100_000),
                env.whole(ASYNC_THRESHOLD, 0, Long.MAX_VALUE), env.integer(JOB_MAX_ATTEMPTS, 1, 100),
                Duration.ofSeconds(env.integer(WEBHOOK_RETRY, 1, 86_400)), Duration.ofSeconds(env.integer(JOB_LEASE, 2, 3600)));
        FetchConfig fetch = new FetchConfig(list(env.text(FETCH_ALLOWED_HOSTS, "")), cidrs(env),
                engine.limits().maxInputBytes(), Duration.ofSeconds(env.integer(FETCH_CONNECT_TIMEOUT, 1, 600)),
                Duration.ofSeconds(env.integer(FETCH_TIMEOUT, 1, 3600)), env.integer(FETCH_MAX_REDIRECTS, 0, 20),
                dataDir.resolve("tmp"));
        Optional<String> masterKey = env.optional(MASTER_KEY);
        if (masterKey.isPresent() && !MasterKey.valid(masterKey.get())) {
            env.problem(MASTER_KEY, "expected the base64 of 32 bytes (openssl rand -base64 32)");
        }
        Optional<SpoolConfig> spool = spool(env);
        if (!env.problems().isEmpty()) {
            throw new ConfigException(env.problems());
        }
        return new AppConfig(dataDir, api, db, engine, jobs, fetch, new MasterKey(masterKey.map(String::strip)), spool);
    }

    private static ApiConfig api(Environment env, Path dataDir) {
        String host = env.text(HOST, HOST.defaultValue());
        int port = env.integer(PORT, 0, 65535);
        Optional<Path> cert = env.readableFile(TLS_CERT);
        Optional<Path> key = env.readableFile(TLS_KEY);
        if (cert.isPresent() != key.isPresent()) {
            env.problem(cert.isPresent() ? TLS_KEY : TLS_CERT,
                    "COMPRESSOR_TLS_CERT and COMPRESSOR_TLS_KEY must be set together");
        }
        Optional<ApiConfig.Tls> tls = cert.flatMap(c -> key.map(k -> new ApiConfig.Tls(c, k)));
        Optional<URI> publicUrl = env.optional(PUBLIC_URL).flatMap(value -> publicUrl(env, value));
        Duration grace = Duration.ofSeconds(env.integer(SHUTDOWN_GRACE, 0, 3600));
        return new ApiConfig(host, port, publicUrl, tls, grace, env.integer(RATE_LIMIT, 0, 1_000_000),
                new ApiConfig.Uploads(env.whole(UPLOAD_MEMORY, 0, Long.MAX_VALUE), dataDir.resolve("tmp")));
    }

    private static Optional<URI> publicUrl(Environment env, String value) {
        try {
            URI uri = URI.create(value.replaceAll("/+$", ""));
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        env.problem(PUBLIC_URL, "expected an absolute http:// or https:// URL but received \"" + value + "\"");
        return Optional.empty();
    }

    private static Optional<SpoolConfig> spool(Environment env) {
        Optional<String> url = env.optional(SPOOL_URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(.*))?")
                .matcher(url.get());
        Optional<String> key = env.optional(SPOOL_ACCESS_KEY);
        Optional<String> secret = env.optional(SPOOL_SECRET);
        if (!m.matches()) {
            env.problem(SPOOL_URL, "expected s3://BUCKET or s3://BUCKET/PREFIX but received \"" + url.get() + "\"");
            return Optional.empty();
        }
        if (key.isEmpty() || secret.isEmpty()) {
            env.problem(SPOOL_ACCESS_KEY, "an s3:// spool needs COMPRESSOR_SPOOL_S3_ACCESS_KEY_ID and"
                    + " COMPRESSOR_SPOOL_S3_SECRET_ACCESS_KEY");
            return Optional.empty();
        }
        Optional<String> endpoint = env.optional(SPOOL_ENDPOINT);
        return Optional.of(new SpoolConfig(endpoint.isPresent() ? Provider.S3_COMPATIBLE : Provider.AWS,
                endpoint.orElse(null), env.text(SPOOL_REGION, SPOOL_REGION.defaultValue()), m.group(1),
                m.group(2) == null ? "" : m.group(2), key.get(), secret.get()));
    }

    private static java.util.Set<String> list(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static java.util.List<Cidr> cidrs(Environment env) {
        java.util.List<Cidr> cidrs = new java.util.ArrayList<>();
        for (String text : list(env.text(FETCH_ALLOWED_CIDRS, ""))) {
            try {
                cidrs.add(Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                env.problem(FETCH_ALLOWED_CIDRS, e.getMessage() + "; expected ranges like 10.0.0.0/8 or fd00::/8");
            }
        }
        return cidrs;
    }

    private static EngineConfig engine(Environment env) {
        java.util.List<String> libraries = EngineConfig.libraries(env.text(VIPS_LIBRARY, VIPS_LIBRARY.defaultValue()));
        for (String library : libraries) {
            if (library.contains("/") && !java.nio.file.Files.isReadable(Path.of(library))) {
                env.problem(VIPS_LIBRARY, "file \"" + library + "\" does not exist or cannot be read");
            }
        }
        if (libraries.isEmpty()) {
            env.problem(VIPS_LIBRARY, "names no library; expected a soname or a path, or several separated by ':'");
            libraries = java.util.List.of(VIPS_LIBRARY.defaultValue());
        }
        Limits limits = new Limits(env.whole(MAX_INPUT_BYTES, 1, Long.MAX_VALUE), env.whole(MAX_INPUT_PIXELS, 1, Long.MAX_VALUE),
                Duration.ofMillis(env.whole(SEARCH_TIME, 0, 3_600_000)), Duration.ofSeconds(env.whole(PROCESSING_TIMEOUT, 1, 86_400)));
        return new EngineConfig(libraries, env.integer(VIPS_THREADS, 0, 1024), limits, env.whole(PROCESSING_MEMORY, 1, Long.MAX_VALUE));
    }

    private static DbConfig database(Environment env, Path dataDir) {
        String url = env.text(DATABASE_URL, "jdbc:sqlite:" + dataDir.resolve("compressor.db"));
        int pool = env.integer(DATABASE_POOL_SIZE, 1, 200);
        String user = env.optional(DATABASE_USER).orElse(null);
        String password = env.optional(DATABASE_PASSWORD).orElse(null);
        try {
            return new DbConfig(url, user, password, pool);
        } catch (IllegalArgumentException e) {
            env.problem(DATABASE_URL, "expected a jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB URL but received \""
                    + DbConfig.redacted(url) + "\"");
            return null;
        }
    }

}
