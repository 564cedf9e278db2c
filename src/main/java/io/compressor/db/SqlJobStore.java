package io.compressor.db;

import io.compressor.job.FileFacts;
import io.compressor.job.Job;
import io.compressor.job.JobStatus;
import io.compressor.job.JobStore;
import io.compressor.job.Claimed;
import io.compressor.job.Delivery;
import io.compressor.job.WebhookAttempt;
import io.compressor.job.QualityFacts;
import io.compressor.job.Queued;
import io.compressor.job.Usage;
import io.compressor.pipeline.ImageFormat;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/// Jobs in the `jobs` table; input and output facts are flattened into `input_*` and `output_*` columns.
public final class SqlJobStore implements JobStore {
    private static final String COLUMNS = "id, account_id, status, source, options, input_name, input_format, input_size,"
            + " input_sha1, input_width, input_height, output_name, output_format, output_size, output_sha1, output_width,"
            + " output_height, output_quality, output_score, output_target, output_url, expires_at, error_code,"
            + " error_message, created_at, finished_at";
    private static final String VALUES = ":id, :accountId, :status, :source, :options, :inName, :inFormat, :inSize,"
            + " :inSha1, :inWidth, :inHeight, :outName, :outFormat, :outSize, :outSha1, :outWidth, :outHeight,"
            + " :outQuality, :outScore, :outTarget, :url,"
            + " :expiresAt, :errorCode, :errorMessage, :createdAt, :finishedAt";
    private static final String SETS = "status = :status, input_name = :inName, input_format = :inFormat, input_size = :inSize,"
            + " input_sha1 = :inSha1, input_width = :inWidth, input_height = :inHeight, output_name = :outName,"
            + " output_format = :outFormat, output_size = :outSize, output_sha1 = :outSha1, output_width = :outWidth,"
            + " output_height = :outHeight, output_quality = :outQuality, output_score = :outScore,"
            + " output_target = :outTarget, output_url = :url, expires_at = :expiresAt, error_code = :errorCode,"
            + " error_message = :errorMessage, finished_at = :finishedAt";
    /// The queue entry's columns, after a job's.
    private static final String QUEUED = ", attempts, request, webhook_url, public_base, spool_key";
    /// A job whose last allowed attempt died with its node: still processing, its lease run out.
    private static final String EXHAUSTED = "status = 'processing' AND lease_until < :now AND attempts >= :max";
    /// A job a node began and neither queued nor finished: processing, never leased, begun before `:before`.
    private static final String ABANDONED = "status = 'processing' AND lease_until IS NULL AND created_at < :before";
    private final Jdbi jdbi;
    private final boolean sqlite;

    public SqlJobStore(Database database) {
        this.jdbi = database.jdbi();
        this.sqlite = database.sqlite();
    }

    @Override
    public void enqueue(Job job, Queued queued) {
        jdbi.useHandle(h -> bind(h.createUpdate("UPDATE jobs SET status = :status, input_name = :inName,"
                        + " input_size = :inSize, request = :request, webhook_url = :webhook, public_base = :base,"
                        + " spool_key = :spool WHERE id = :id"), job)
                .bind("request", queued.request()).bind("webhook", queued.webhookUrl()).bind("base", queued.publicBase())
                .bind("spool", queued.spoolKey()).execute());
    }

    @Override
    public boolean spoolInUse(String spoolKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE spool_key = :key"
                + " AND status IN ('enqueued', 'processing')").bind("key", spoolKey).mapTo(Integer.class).one()) > 0;
    }

    /// One statement claims atomically: SQLite serialises writers; PostgreSQL skips rows others hold.
    @Override
    public Optional<Claimed> claim(String owner, Instant now, Instant leaseUntil, int maxAttempts) {
        String pick = "SELECT id FROM jobs WHERE (status = 'enqueued' OR (status = 'processing' AND lease_until < :now))"
                + " AND attempts < :max ORDER BY created_at LIMIT 1" + (sqlite ? "" : " FOR UPDATE SKIP LOCKED");
        return jdbi.inTransaction(h -> h.createQuery("UPDATE jobs SET status = 'processing', lease_owner = :owner,"
                        + " lease_until = :until, attempts = attempts + 1 WHERE id = (" + pick + ") RETURNING " + COLUMNS
                        + QUEUED)
                .bind("owner", owner).bind("until", leaseUntil).bind("now", now).bind("max", maxAttempts)
                .map((rs, ctx) -> claimed(rs))
                .findOne());
    }

    @Override
    public void renew(String id, String owner, Instant leaseUntil) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET lease_until = :until WHERE id = :id AND lease_owner = :owner"
                        + " AND status = 'processing'")
                .bind("until", leaseUntil).bind("id", id).bind("owner", owner).execute());
    }

    @Override
    public void release(String id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET status = 'enqueued', lease_owner = NULL, lease_until = NULL"
                + " WHERE id = :id AND status = 'processing'").bind("id", id).execute());
    }

    @Override
    public java.util.List<Claimed> exhausted(Instant now, int maxAttempts) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + QUEUED + " FROM jobs WHERE " + EXHAUSTED)
                .bind("now", now).bind("max", maxAttempts).map((rs, ctx) -> claimed(rs)).list());
    }

    @Override
    public boolean endExhausted(Job failed, Instant now, int maxAttempts) {
        return jdbi.withHandle(h -> bind(h.createUpdate("UPDATE jobs SET " + SETS + " WHERE id = :id AND " + EXHAUSTED), failed)
                .bind("now", now).bind("max", maxAttempts).execute()) == 1;
    }

    @Override
    public java.util.List<Job> abandoned(Instant before) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE " + ABANDONED).bind("before", before)
                .map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public boolean endAbandoned(Job failed, Instant before) {
        return jdbi.withHandle(h -> bind(h.createUpdate("UPDATE jobs SET " + SETS + " WHERE id = :id AND " + ABANDONED), failed)
                .bind("before", before).execute()) == 1;
    }

    @Override
    public void insert(Job job) {
        jdbi.useHandle(h -> bind(h.createUpdate("INSERT INTO jobs (" + COLUMNS + ") VALUES (" + VALUES + ")"), job).execute());
    }

    @Override
    public void update(Job job) {
        jdbi.useHandle(h -> bind(h.createUpdate("UPDATE jobs SET " + SETS + " WHERE id = :id"), job).execute());
    }

    private static Claimed claimed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Claimed(map(rs), new Queued(rs.getString("request"), rs.getString("webhook_url"),
                rs.getString("public_base"), rs.getString("spool_key")), rs.getInt("attempts"));
    }

    @Override
    public Optional<Job> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public String addDelivery(String jobId, String url, int attempt, Instant due) {
        String id = java.util.UUID.randomUUID().toString();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO webhook_deliveries (id, job_id, url, attempt, delivered, next_attempt_at)"
                        + " VALUES (:id, :job, :url, :attempt, FALSE, :due)")
                .bind("id", id).bind("job", jobId).bind("url", url).bind("attempt", attempt).bind("due", due).execute());
        return id;
    }

    @Override
    public boolean claimDelivery(String id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET attempted_at = :now WHERE id = :id"
                + " AND attempted_at IS NULL").bind("now", now).bind("id", id).execute()) == 1;
    }

    @Override
    public void cancelDelivery(String id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM webhook_deliveries WHERE id = :id AND attempted_at IS NULL")
                .bind("id", id).execute());
    }

    @Override
    public java.util.List<Delivery> dueDeliveries(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, job_id, url, attempt FROM webhook_deliveries"
                        + " WHERE delivered = FALSE AND attempted_at IS NULL AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at LIMIT :limit")
                .bind("now", now).bind("limit", limit)
                .map((rs, ctx) -> new Delivery(rs.getString("id"), rs.getString("job_id"), rs.getString("url"),
                        rs.getInt("attempt"))).list());
    }

    @Override
    public void recordDelivery(String id, Integer statusCode, String error, boolean delivered, Instant attemptedAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE webhook_deliveries SET status_code = :status, error = :error,"
                        + " delivered = :delivered, attempted_at = :at WHERE id = :id")
                .bind("status", statusCode).bind("error", error).bind("delivered", delivered).bind("at", attemptedAt)
                .bind("id", id).execute());
    }

    @Override
    public java.util.List<WebhookAttempt> webhookAttempts(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT attempt, attempted_at, status_code, error, delivered"
                        + " FROM webhook_deliveries WHERE job_id = :job AND attempted_at IS NOT NULL ORDER BY attempt")
                .bind("job", jobId).map((rs, ctx) -> {
                    int status = rs.getInt("status_code");
                    return new WebhookAttempt(rs.getInt("attempt"), Columns.instant(rs, "attempted_at"),
                            rs.wasNull() ? null : status, rs.getString("error"), rs.getBoolean("delivered"));
                }).list());
    }

    @Override
    public Optional<String[]> idempotent(String accountId, String key, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT job_id, request_hash FROM idempotency_keys WHERE account_id = :a"
                        + " AND idem_key = :k AND created_at >= :since")
                .bind("a", accountId).bind("k", key).bind("since", since)
                .map((rs, ctx) -> new String[] {rs.getString("job_id"), rs.getString("request_hash")}).findOne());
    }

    @Override
    public boolean remember(String accountId, String key, String requestHash, String jobId, Instant at) {
        try {
            jdbi.useHandle(h -> {
                h.createUpdate("DELETE FROM idempotency_keys WHERE account_id = :a AND idem_key = :k AND created_at < :old")
                        .bind("a", accountId).bind("k", key).bind("old", at.minus(java.time.Duration.ofHours(24))).execute();
                h.createUpdate("INSERT INTO idempotency_keys (account_id, idem_key, request_hash, job_id, created_at)"
                                + " VALUES (:a, :k, :h, :j, :at)")
                        .bind("a", accountId).bind("k", key).bind("h", requestHash).bind("j", jobId).bind("at", at).execute();
            });
            return true;
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            return false;
        }
    }

    @Override
    public List<Job> recent(String accountId, Optional<JobStatus> status, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE account_id = :account"
                        + (status.isPresent() ? " AND status = :status" : "") + " ORDER BY created_at DESC, id LIMIT :limit")
                .bind("account", accountId).bind("status", status.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(null))
                .bind("limit", limit).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public Usage usage(String accountId, String month, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS requests,"
                        + " COALESCE(SUM(input_size), 0) AS input_bytes,"
                        + " COALESCE(SUM(CASE WHEN status = 'completed' THEN output_size ELSE 0 END), 0) AS output_bytes,"
                        + " COALESCE(SUM(CASE WHEN status = 'completed' AND input_size > output_size"
                        + " THEN input_size - output_size ELSE 0 END), 0) AS saved"
                        + " FROM jobs WHERE account_id = :account AND created_at >= :from AND created_at < :to")
                .bind("account", accountId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Usage(month, rs.getLong("requests"), rs.getLong("input_bytes"),
                        rs.getLong("output_bytes"), rs.getLong("saved"))).one());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Job job) {
        FileFacts in = job.input();
        FileFacts out = job.output();
        return statement.bind("id", job.id()).bind("accountId", job.accountId())
                .bind("status", job.status().name().toLowerCase(Locale.ROOT)).bind("source", job.source())
                .bind("options", job.options())
                .bind("inName", in == null ? null : in.name()).bind("inFormat", in == null ? null : in.format())
                .bind("inSize", in == null ? null : in.size()).bind("inSha1", in == null ? null : in.sha1())
                .bind("inWidth", in == null ? null : in.width()).bind("inHeight", in == null ? null : in.height())
                .bind("outName", out == null ? null : out.name()).bind("outFormat", out == null ? null : out.format())
                .bind("outSize", out == null ? null : out.size()).bind("outSha1", out == null ? null : out.sha1())
                .bind("outWidth", out == null ? null : out.width()).bind("outHeight", out == null ? null : out.height())
                .bind("outQuality", out == null || out.quality() == null ? null : out.quality().encoder())
                .bind("outScore", out == null || out.quality() == null ? null : out.quality().score())
                .bind("outTarget", out == null || out.quality() == null ? null : out.quality().target())
                .bind("url", job.url()).bind("expiresAt", job.expiresAt()).bind("errorCode", job.errorCode())
                .bind("errorMessage", job.errorMessage()).bind("createdAt", job.createdAt())
                .bind("finishedAt", job.finishedAt());
    }

    private static Job map(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("account_id"),
                JobStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("source"),
                rs.getString("options"), facts(rs, "input_"), facts(rs, "output_"), rs.getString("output_url"),
                Columns.instant(rs, "expires_at"), rs.getString("error_code"), rs.getString("error_message"),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "finished_at"));
    }

    private static FileFacts facts(ResultSet rs, String prefix) throws SQLException {
        String name = rs.getString(prefix + "name");
        if (name == null) {
            return null;
        }
        String format = rs.getString(prefix + "format");
        return new FileFacts(name, "image", format, format == null ? null : ImageFormat.valueOf(format.toUpperCase(Locale.ROOT)).mime(), rs.getLong(prefix + "size"),
                rs.getString(prefix + "sha1"), rs.getInt(prefix + "width"), rs.getInt(prefix + "height"),
                prefix.equals("output_") && rs.getObject("output_quality") != null ? new QualityFacts(
                        rs.getInt("output_quality"), rs.getDouble("output_score"), rs.getDouble("output_target")) : null);
    }
}
