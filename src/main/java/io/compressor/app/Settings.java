package io.compressor.app;

import java.util.List;

/// Every `COMPRESSOR_*` key the service reads, in the order the documentation lists them.
final class Settings {
    static final Setting HOST = new Setting("COMPRESSOR_HOST", "127.0.0.1",
            "Address the HTTP server listens on. Keep loopback unless TLS is configured or a proxy fronts it.");
    static final Setting PORT = new Setting("COMPRESSOR_PORT", "8080",
            "TCP port of the HTTP server (0 picks a free port).");
    static final Setting PUBLIC_URL = new Setting("COMPRESSOR_PUBLIC_URL", "http(s)://HOST:PORT",
            "Base of every URL the service hands out; set it to the proxy's address when behind one.");
    static final Setting DATA_DIR = new Setting("COMPRESSOR_DATA_DIR", "./data",
            "Folder for the SQLite database and hosted results.");
    static final Setting DATABASE_URL = new Setting("COMPRESSOR_DATABASE_URL", "jdbc:sqlite:DATA_DIR/compressor.db",
            "JDBC URL: `jdbc:sqlite:FILE` or `jdbc:postgresql://HOST:PORT/DB`.");
    static final Setting DATABASE_USER = new Setting("COMPRESSOR_DATABASE_USER", "(none)",
            "Database user, when not in the URL.");
    static final Setting DATABASE_PASSWORD = new Setting("COMPRESSOR_DATABASE_PASSWORD", "(none)",
            "Database password, when not in the URL. Never logged.");
    static final Setting DATABASE_POOL_SIZE = new Setting("COMPRESSOR_DATABASE_POOL_SIZE", "10",
            "Maximum open database connections (1-200).");
    static final Setting TLS_CERT = new Setting("COMPRESSOR_TLS_CERT", "(none)",
            "PEM certificate chain; with `COMPRESSOR_TLS_KEY` the server speaks HTTPS.");
    static final Setting TLS_KEY = new Setting("COMPRESSOR_TLS_KEY", "(none)",
            "PEM private key (PKCS#8 `BEGIN PRIVATE KEY`) for `COMPRESSOR_TLS_CERT`.");
    static final Setting VIPS_LIBRARY = new Setting("COMPRESSOR_VIPS_LIBRARY", "libvips.so.42",
            "The libvips builds, in order of preference, separated by `:`: each a soname or a path. Each image runs on the first"
                    + " that reads its format. `./compressor` sets sharp's build (libvips 8.17 with mozjpeg) before Debian's.");
    static final Setting VIPS_THREADS = new Setting("COMPRESSOR_VIPS_THREADS", "0",
            "libvips worker threads per image (0: one per core).");
    static final Setting MAX_INPUT_BYTES = new Setting("COMPRESSOR_MAX_INPUT_BYTES", "268435456",
            "Largest upload or source accepted, in bytes; larger is refused with `file_too_large`.");
    static final Setting UPLOAD_MEMORY = new Setting("COMPRESSOR_UPLOAD_MEMORY_BYTES", "16777216",
            "What the uploads being received may hold in memory at once; an upload that does not fit in what is left goes to a"
                    + " temporary file (0: every upload does).");
    static final Setting MAX_INPUT_PIXELS = new Setting("COMPRESSOR_MAX_INPUT_PIXELS", "100000000",
            "Largest input accepted, in pixels of all frames together, checked before decoding (`image_too_large`); the"
                    + " largest output a resize may ask for, too.");
    static final Setting SEARCH_TIME = new Setting("COMPRESSOR_SEARCH_TIME_MS", "10000",
            "Time one image's quality search may take: no probe starts after it, and the best quality found so far is "
                    + "kept (0: one probe, at the level's usual quality).");
    static final Setting PROCESSING_TIMEOUT = new Setting("COMPRESSOR_PROCESSING_TIMEOUT_SECONDS", "30",
            "Time one image's processing may take (decode, steps, quality search, encode); then libvips is stopped inside the"
                    + " running operation and the job is refused with `processing_timeout` (422).");
    static final Setting RESULT_TTL = new Setting("COMPRESSOR_RESULT_TTL_SECONDS", "3600",
            "How long a hosted result (a request without `store`) stays downloadable.");
    static final Setting PROCESSING_PERMITS = new Setting("COMPRESSOR_PROCESSING_PERMITS", "0",
            "Images processed at once (0: one per core).");
    static final Setting PROCESSING_MEMORY = new Setting("COMPRESSOR_PROCESSING_MEMORY_BYTES", "268435456",
            "Native memory the images being processed may hold together, as their sizes estimate it; an image waits until"
                    + " its share is free, and one larger than all of it runs alone.");
    static final Setting PROCESSING_QUEUE = new Setting("COMPRESSOR_PROCESSING_QUEUE", "16",
            "Requests that may wait for a permit; beyond them the answer is 429 `busy` with Retry-After.");
    static final Setting ASYNC_THRESHOLD = new Setting("COMPRESSOR_ASYNC_THRESHOLD_BYTES", "33554432",
            "Inputs larger than this are answered 202 and processed from the queue, like requests with a webhook.");
    static final Setting JOB_MAX_ATTEMPTS = new Setting("COMPRESSOR_JOB_MAX_ATTEMPTS", "3",
            "Times a queued job is tried (a dead node, a storage failure) before it is failed with its last error.");
    static final Setting JOB_LEASE = new Setting("COMPRESSOR_JOB_LEASE_SECONDS", "60",
            "How long a claimed job stays with its node without a renewal; after that (the node died) another takes it.");
    static final Setting WEBHOOK_RETRY = new Setting("COMPRESSOR_WEBHOOK_RETRY_SECONDS", "120",
            "Wait before the first webhook retry; each next one waits twice as long (6 tries, about an hour in all).");
    static final Setting SPOOL_URL = new Setting("COMPRESSOR_SPOOL_URL", "(DATA_DIR/spool)",
            "`s3://BUCKET/PREFIX` puts queued inputs in a bucket every node reads; without it, a local folder.");
    static final Setting SPOOL_ENDPOINT = new Setting("COMPRESSOR_SPOOL_S3_ENDPOINT", "(AWS)",
            "The spool's S3-compatible endpoint, e.g. http://127.0.0.1:7480; leave it out for AWS.");
    static final Setting SPOOL_REGION = new Setting("COMPRESSOR_SPOOL_S3_REGION", "us-east-1", "The spool bucket's region.");
    static final Setting SPOOL_ACCESS_KEY = new Setting("COMPRESSOR_SPOOL_S3_ACCESS_KEY_ID", "(none)",
            "Access key id for the spool bucket (needs s3:PutObject, s3:GetObject, s3:DeleteObject, and s3:ListBucket for the sweep of inputs left behind).");
    static final Setting SPOOL_SECRET = new Setting("COMPRESSOR_SPOOL_S3_SECRET_ACCESS_KEY", "(none)",
            "Secret for the spool bucket. Never logged.");
    static final Setting FETCH_ALLOWED_HOSTS = new Setting("COMPRESSOR_FETCH_ALLOWED_HOSTS", "(none)",
            "Comma-separated host names (or `*.domain`) that `/1.0/fetch` may reach even on private addresses.");
    static final Setting FETCH_ALLOWED_CIDRS = new Setting("COMPRESSOR_FETCH_ALLOWED_CIDRS", "(none)",
            "Comma-separated address ranges (`10.1.2.0/24`, `127.0.0.1/32`) exempt from the fetch address policy.");
    static final Setting FETCH_CONNECT_TIMEOUT = new Setting("COMPRESSOR_FETCH_CONNECT_TIMEOUT_SECONDS", "10",
            "Time a source may take to accept the connection.");
    static final Setting FETCH_TIMEOUT = new Setting("COMPRESSOR_FETCH_TIMEOUT_SECONDS", "30",
            "Total time a source may take to answer and send the image (`source_timeout`).");
    static final Setting FETCH_MAX_REDIRECTS = new Setting("COMPRESSOR_FETCH_MAX_REDIRECTS", "5",
            "Redirects a fetch follows, each checked again against the address policy.");
    static final Setting RATE_LIMIT = new Setting("COMPRESSOR_RATE_LIMIT_PER_MINUTE", "0",
            "Requests per minute each account may make to `/1.0/*` on this node (0: no limit); over it, 429 `rate_limited`.");
    static final Setting MASTER_KEY = new Setting("COMPRESSOR_MASTER_KEY", "(key file DATA_DIR/master.key)",
            "Base64 of 32 random bytes that seal connector credentials and webhook secrets (AES-256-GCM); without it a key"
                    + " file is made, mode 0600.");
    static final Setting SHUTDOWN_GRACE = new Setting("COMPRESSOR_SHUTDOWN_GRACE_SECONDS", "30",
            "On SIGTERM, how long in-flight requests may take to finish before the server exits.");

    static final List<Setting> ALL = List.of(HOST, PORT, PUBLIC_URL, DATA_DIR, DATABASE_URL, DATABASE_USER,
            DATABASE_PASSWORD, DATABASE_POOL_SIZE, TLS_CERT, TLS_KEY, VIPS_LIBRARY, VIPS_THREADS, MAX_INPUT_BYTES, UPLOAD_MEMORY, MAX_INPUT_PIXELS,
            SEARCH_TIME, PROCESSING_TIMEOUT, RESULT_TTL, PROCESSING_PERMITS, PROCESSING_MEMORY, PROCESSING_QUEUE, ASYNC_THRESHOLD, JOB_MAX_ATTEMPTS, JOB_LEASE, WEBHOOK_RETRY, SPOOL_URL, SPOOL_ENDPOINT, SPOOL_REGION,
            SPOOL_ACCESS_KEY, SPOOL_SECRET, FETCH_ALLOWED_HOSTS, FETCH_ALLOWED_CIDRS, FETCH_CONNECT_TIMEOUT, FETCH_TIMEOUT, FETCH_MAX_REDIRECTS,
            RATE_LIMIT, MASTER_KEY, SHUTDOWN_GRACE);

    private Settings() {}
}
