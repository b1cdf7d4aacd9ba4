-- Restatements (compliance.md "Restatements"): one restatement delay after a final, a final whose window got
-- videos discovered after it, and whose actual or status they change, gets one row here. The final row is never
-- updated. Keyed by (goal_id, final_as_of): a re-run or a resumed run upserts on the key.

CREATE TABLE goal_compliance_restatements (
    goal_id           uuid        NOT NULL,
    final_as_of       timestamptz NOT NULL,
    as_of             timestamptz NOT NULL,
    org_id            uuid        NOT NULL,
    project_id        uuid        NOT NULL,
    creator_id        uuid        NOT NULL,
    metric            text        NOT NULL,
    period            text        NOT NULL,
    target            bigint      NOT NULL,
    period_start      timestamptz NOT NULL,
    period_end        timestamptz NOT NULL,
    final_actual      bigint      NOT NULL,
    final_status      text        NOT NULL CHECK (final_status IN ('completed', 'missed')),
    final_eligibility text        NOT NULL CHECK (final_eligibility IN ('eligible', 'needs_review', 'ineligible')),
    actual            bigint      NOT NULL,
    percentage        integer     NOT NULL,
    status            text        NOT NULL CHECK (status IN ('completed', 'missed')),
    eligibility       text        NOT NULL CHECK (eligibility IN ('eligible', 'needs_review', 'ineligible')),
    advisory          jsonb       NOT NULL,
    restated_at       timestamptz NOT NULL,
    job_execution_id  bigint      NOT NULL,
    CONSTRAINT goal_compliance_restatements_pk PRIMARY KEY (goal_id, final_as_of)
);

-- Restatement instants are read by as_of (the run's rows, the outbox's events), by project for the API.
CREATE INDEX goal_compliance_restatements_as_of_idx ON goal_compliance_restatements (as_of, project_id);
CREATE INDEX goal_compliance_restatements_project_idx ON goal_compliance_restatements (project_id, final_as_of);

-- The restatement job's reader pages through one instant's finals in goal order: the existing
-- goal_compliance_snapshots_phase_as_of_idx (phase, as_of, goal_id) serves it; its late videos are found
-- through the source's videos_creator_posted_covering_idx (creator_id, posted_at) like every window's.

-- Rejects of a restatement run carry the phase 'restatement'.
ALTER TABLE goal_compliance_rejects DROP CONSTRAINT goal_compliance_rejects_phase_check;
ALTER TABLE goal_compliance_rejects ADD CONSTRAINT goal_compliance_rejects_phase_check
    CHECK (phase IN ('nightly', 'close', 'final', 'restatement'));

-- What payouts must book: the restatements whose eligibility differs from the one the final was paid on.
CREATE VIEW payout_adjustments AS
SELECT goal_id,
       creator_id,
       project_id,
       org_id,
       period_start,
       period_end,
       final_eligibility,
       eligibility,
       final_actual,
       actual,
       final_as_of,
       as_of
FROM goal_compliance_restatements
WHERE eligibility <> final_eligibility;
