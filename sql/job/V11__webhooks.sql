-- Webhooks (data-contract.md "Events (webhooks)"): an outbox of events written by the final (and restatement)
-- job's last step in one transaction with that step's completion, and their delivery to each organization's
-- endpoints by serve.

-- An endpoint's signing secret is stored AES-GCM encrypted with goal-compliance.webhooks.secret-key (a fresh
-- 12-byte nonce per secret); the id is its additional authenticated data, so a ciphertext copied onto another
-- endpoint's row does not decrypt.
CREATE TABLE webhook_endpoints (
    id               uuid        NOT NULL,
    org_id           uuid        NOT NULL,
    url              text        NOT NULL CHECK (url ~ '^https?://'),
    secret_encrypted bytea       NOT NULL,
    secret_nonce     bytea       NOT NULL,
    enabled          boolean     NOT NULL,
    created_at       timestamptz NOT NULL,
    disabled_at      timestamptz,
    CONSTRAINT webhook_endpoints_pk PRIMARY KEY (id)
);

CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id) WHERE enabled;

-- One event per (type, project, instant): a job resumed after a crash inserts it ON CONFLICT DO NOTHING.
CREATE TABLE webhook_events (
    id               text        NOT NULL,
    type             text        NOT NULL,
    org_id           uuid        NOT NULL,
    project_id       uuid        NOT NULL,
    as_of            timestamptz NOT NULL,
    payload          jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    job_execution_id bigint      NOT NULL,
    CONSTRAINT webhook_events_pk PRIMARY KEY (id),
    CONSTRAINT webhook_events_once UNIQUE (type, project_id, as_of)
);

CREATE INDEX webhook_events_org_idx ON webhook_events (org_id, created_at);

-- The delivery of one event to one endpoint. serve claims due rows with FOR UPDATE SKIP LOCKED and pushes
-- next_attempt_at past the attempt's timeout before it posts, so a replica dying mid-delivery leaves the row
-- to be tried again later, and no two replicas post one delivery at a time.
CREATE TABLE webhook_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    event_id        text        NOT NULL REFERENCES webhook_events (id),
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoints (id),
    state           text        NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    first_attempt_at timestamptz,
    delivered_at    timestamptz,
    CONSTRAINT webhook_deliveries_pk PRIMARY KEY (id)
);

CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id, endpoint_id);

CREATE TABLE webhook_attempts (
    delivery_id bigint      NOT NULL REFERENCES webhook_deliveries (id),
    attempt     integer     NOT NULL,
    at          timestamptz NOT NULL,
    status_code integer,
    duration_ms bigint      NOT NULL,
    error       text,
    CONSTRAINT webhook_attempts_pk PRIMARY KEY (delivery_id, attempt)
);
