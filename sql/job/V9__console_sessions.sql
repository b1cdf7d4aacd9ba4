-- Sessions of the operators' console (/console). The cookie carries a random token; only its SHA-256 hash is
-- stored, as for API keys, so a reader of this table cannot sign in. A session belongs to the admin key that
-- signed in: ConsoleSessions joins api_keys on every request, so revoking or expiring the key ends its sessions
-- at once. Sign-out deletes the row; expired rows are deleted at the next sign-in. No foreign key to api_keys:
-- a session row outliving its key matches nothing.

CREATE TABLE console_sessions (
    token_hash bytea       NOT NULL,
    key_id     uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT console_sessions_pk PRIMARY KEY (token_hash)
);

CREATE INDEX console_sessions_expires_idx ON console_sessions (expires_at);
