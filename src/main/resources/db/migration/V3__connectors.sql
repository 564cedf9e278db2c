-- Storage connectors. Credentials are AES-256-GCM sealed under the master key (base64 text, so one
-- column type serves SQLite and PostgreSQL); key_hint is the last characters of the access key id.
CREATE TABLE connectors (
    id                      VARCHAR(36)  PRIMARY KEY,
    account_id              VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name                    VARCHAR(200) NOT NULL,
    provider                VARCHAR(32)  NOT NULL,
    endpoint                VARCHAR(500),
    path_style              BOOLEAN      NOT NULL,
    checksum_when_required  BOOLEAN      NOT NULL,
    default_bucket          VARCHAR(255),
    default_region          VARCHAR(64),
    default_path_prefix     VARCHAR(1024),
    default_acl             VARCHAR(40),
    key_hint                VARCHAR(16)  NOT NULL,
    credentials             TEXT         NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX connectors_account ON connectors (account_id);
