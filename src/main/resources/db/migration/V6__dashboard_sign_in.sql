-- Dashboard sign-in: an Argon2id hash of the password (PHC string), and the lock-out state.
ALTER TABLE accounts ADD COLUMN password_hash VARCHAR(200);
ALTER TABLE accounts ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;

-- A signed-in browser. The cookie holds the token; only its SHA-256 is kept, like API keys.
-- `csrf_token` is echoed in every form of the session and checked on every POST.
CREATE TABLE dashboard_sessions (
    token_hash   CHAR(64)     PRIMARY KEY,
    account_id   VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dashboard_sessions_expires ON dashboard_sessions (expires_at);
