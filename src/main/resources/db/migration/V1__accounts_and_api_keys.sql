-- One schema for SQLite and PostgreSQL: ids are UUID text made in Java, times are bound from Java in UTC.
CREATE TABLE accounts (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(320) UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Keys are stored as the SHA-256 of the secret; the clear secret is shown once, when it is issued.
-- `prefix` is the first characters of the secret, so an operator can tell keys apart in a list.
CREATE TABLE api_keys (
    id            VARCHAR(36)  PRIMARY KEY,
    account_id    VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    prefix        VARCHAR(16)  NOT NULL,
    secret_hash   CHAR(64)     NOT NULL UNIQUE,
    label         VARCHAR(200),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_keys_account ON api_keys (account_id);
