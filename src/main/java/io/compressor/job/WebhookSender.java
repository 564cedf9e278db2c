package io.compressor.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.compressor.account.AccountService;
import io.compressor.error.ServiceException;
import io.compressor.fetch.Fetcher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Delivers job results to webhooks: a POST of the job's body with `User-Agent: Compressor/1.0`,
/// `Content-Type: application/json` and `X-Compressor-Signature: sha256=<HMAC of the body>` under the
/// account's webhook secret. A non-2xx answer or none is tried again with exponential backoff and
/// jitter (base, 2×base, 4×base, …) up to `maxAttempts`; every attempt is recorded. The URL goes
/// through the same address policy as fetched sources.
public final class WebhookSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final JobStore store;
    private final AccountService accounts;
    private final Fetcher fetcher;
    private final Duration base;
    private final int maxAttempts;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private Thread thread;

    public WebhookSender(JobStore store, AccountService accounts, Fetcher fetcher, Duration base, int maxAttempts,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.fetcher = fetcher;
        this.base = base;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    public WebhookSender start() {
        thread = Thread.ofVirtual().name("webhooks").start(this::loop);
        return this;
    }

    /// Schedules the first attempt for a job that just ended.
    void schedule(String jobId, String url) {
        store.addDelivery(jobId, url, 1, clock.instant());
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                for (Delivery d : store.dueDeliveries(clock.instant(), 20)) {
                    attempt(d);
                }
                wake.tryAcquire(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook deliveries failed to run; retrying", e);
            }
        }
    }

    /// At least once: the attempt is taken first (so two nodes never both send it), and its follow-up is
    /// scheduled before the POST, so a node that dies mid-way still leaves the retry behind.
    private void attempt(Delivery d) {
        if (!store.claimDelivery(d.id(), clock.instant())) {
            return;
        }
        String followUp = d.attempt() < maxAttempts
                ? store.addDelivery(d.jobId(), d.url(), d.attempt() + 1, clock.instant().plus(backoff(d.attempt()))) : null;
        Job job = store.find(d.jobId()).orElse(null);
        if (job == null) {
            store.recordDelivery(d.id(), null, "the job is gone", false, clock.instant());
            if (followUp != null) {
                store.cancelDelivery(followUp);
            }
            return;
        }
        Integer status = null;
        String error = null;
        try {
            byte[] body = JSON.writeValueAsBytes(JobView.of(job));
            status = fetcher.post(d.url(), Map.of("User-Agent", "Compressor/1.0", "Content-Type", "application/json",
                    "X-Compressor-Signature", "sha256=" + hmac(accounts.webhookSecret(job.accountId()), body)), body);
        } catch (ServiceException e) {
            error = e.code() + ": " + e.getMessage();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            error = "internal: " + e.getMessage();
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        store.recordDelivery(d.id(), status, error, delivered, clock.instant());
        if (delivered && followUp != null) {
            store.cancelDelivery(followUp);
        }
    }

    /// base × 2^(attempt-1), ±20% so that retries from many jobs spread out.
    Duration backoff(int attempt) {
        long millis = base.toMillis() << Math.min(20, attempt - 1);
        return Duration.ofMillis((long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
