-- Every processing request is a job: who asked, what for, what came in and out, how it ended.
CREATE TABLE jobs (
    id              VARCHAR(36)   PRIMARY KEY,
    account_id      VARCHAR(36)   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status          VARCHAR(16)   NOT NULL,
    source          VARCHAR(16)   NOT NULL,
    options         TEXT          NOT NULL,
    input_name      VARCHAR(255),
    input_format    VARCHAR(16),
    input_size      BIGINT,
    input_sha1      CHAR(40),
    input_width     INTEGER,
    input_height    INTEGER,
    output_name     VARCHAR(255),
    output_format   VARCHAR(16),
    output_size     BIGINT,
    output_sha1     CHAR(40),
    output_width    INTEGER,
    output_height   INTEGER,
    output_url      TEXT,
    expires_at      TIMESTAMP WITH TIME ZONE,
    error_code      VARCHAR(40),
    error_message   TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE
);

CREATE INDEX jobs_account_created ON jobs (account_id, created_at);
CREATE INDEX jobs_expires ON jobs (expires_at);
