-- Idempotency-Key: a repeat of the same request under the same key within 24 h returns the first job.
CREATE TABLE idempotency_keys (
    account_id    VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    job_id        VARCHAR(36)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
