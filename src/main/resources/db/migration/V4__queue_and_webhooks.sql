-- Asynchronous jobs: a job row is also its queue entry. `lease_until` is renewed by the worker that
-- claimed it; an expired lease (a dead node) makes it claimable again, up to `attempts` tries.
ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE jobs ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE jobs ADD COLUMN request TEXT;
ALTER TABLE jobs ADD COLUMN webhook_url TEXT;
ALTER TABLE jobs ADD COLUMN public_base TEXT;
ALTER TABLE jobs ADD COLUMN spool_key VARCHAR(300);
CREATE INDEX jobs_queue ON jobs (status, created_at);

-- The HMAC key of an account's webhooks, shown in /1.0/account and rotatable.
ALTER TABLE accounts ADD COLUMN webhook_secret VARCHAR(64);

-- Every webhook delivery attempt, and when the next one is due.
CREATE TABLE webhook_deliveries (
    id               VARCHAR(36) PRIMARY KEY,
    job_id           VARCHAR(36) NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    url              TEXT        NOT NULL,
    attempt          INTEGER     NOT NULL,
    status_code      INTEGER,
    error            TEXT,
    delivered        BOOLEAN     NOT NULL,
    attempted_at     TIMESTAMP WITH TIME ZONE,
    next_attempt_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (delivered, next_attempt_at);
