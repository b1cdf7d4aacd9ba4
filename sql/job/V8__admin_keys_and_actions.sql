-- Admin keys (operators: every organization, the admin API), keys that expire, when a key was last used,
-- and the record of every admin action. An admin key belongs to no organization: the CHECK ties the flag
-- to a null org_id, so that no key is both or neither.

ALTER TABLE api_keys ALTER COLUMN org_id DROP NOT NULL;
ALTER TABLE api_keys ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
ALTER TABLE api_keys ADD COLUMN expires_at timestamptz;
-- Written at most about once a minute per key (ApiKeys), so that reading the API does not write every request.
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_admin_or_org CHECK (is_admin = (org_id IS NULL));

-- One row per admin request that named something to act on: which key, what, on which instance or range,
-- and how it ended. outcome is 'accepted' while a background run is queued or running, then its result;
-- 'refused' for a request answered 4xx (detail says why), 'listed' for a dry run. The key's name is copied:
-- the row must still say who acted after the key is revoked.
CREATE TABLE admin_actions (
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    key_id      uuid        NOT NULL,
    key_name    text        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('resume', 'rerun', 'backfill', 'backfill_dry_run')),
    phase       text,
    as_of       timestamptz,
    range_from  timestamptz,
    range_to    timestamptz,
    outcome     text        NOT NULL,
    detail      text,
    acted_at    timestamptz NOT NULL,
    finished_at timestamptz,
    CONSTRAINT admin_actions_pk PRIMARY KEY (id)
);

CREATE INDEX admin_actions_newest_idx ON admin_actions (acted_at DESC, id DESC);
