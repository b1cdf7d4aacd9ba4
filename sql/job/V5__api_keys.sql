-- API keys of the read API. A key belongs to one organization and is stored only as a SHA-256 hash: the
-- key itself is printed once, when it is created, and never stored. The prefix (the first characters of
-- the key, not secret) finds the row; the hash is then compared in constant time. No foreign key to
-- organizations: on the platform's database that table is not ours (data-contract.md).

CREATE TABLE api_keys (
    id         uuid        NOT NULL,
    org_id     uuid        NOT NULL,
    name       text        NOT NULL,
    prefix     text        NOT NULL,
    key_hash   bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CONSTRAINT api_keys_pk PRIMARY KEY (id),
    CONSTRAINT api_keys_prefix_key UNIQUE (prefix)
);

CREATE INDEX api_keys_org_idx ON api_keys (org_id);
