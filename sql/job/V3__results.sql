-- What the job writes (data-contract.md). Keyed by (goal_id, phase, as_of): a re-run or a resumed run
-- upserts on the key, so it can never write a second row for one snapshot.

CREATE TABLE goal_compliance_snapshots (
    goal_id          uuid        NOT NULL,
    phase            text        NOT NULL CHECK (phase IN ('nightly', 'close', 'final')),
    as_of            timestamptz NOT NULL,
    org_id           uuid        NOT NULL,
    project_id       uuid        NOT NULL,
    creator_id       uuid        NOT NULL,
    metric           text        NOT NULL,
    period           text        NOT NULL,
    target           bigint      NOT NULL,
    actual           bigint      NOT NULL,
    percentage       integer     NOT NULL,
    status           text        NOT NULL
        CHECK (status IN ('on_track', 'behind_pace', 'at_risk', 'completed', 'missed')),
    period_start     timestamptz NOT NULL,
    period_end       timestamptz NOT NULL,
    has_advisory     boolean     NOT NULL,
    advisory         jsonb       NOT NULL,
    close_status     text,
    close_actual     bigint,
    evaluated_at     timestamptz NOT NULL,
    job_execution_id bigint      NOT NULL,
    CONSTRAINT goal_compliance_snapshots_pk PRIMARY KEY (goal_id, phase, as_of)
);

-- The final job reads the close rows of one instant in goal order (keyset paging);
-- reports and payouts read by project and instant.
CREATE INDEX goal_compliance_snapshots_phase_as_of_idx ON goal_compliance_snapshots (phase, as_of, goal_id);
CREATE INDEX goal_compliance_snapshots_project_idx ON goal_compliance_snapshots (project_id, as_of);

CREATE TABLE goal_compliance_rejects (
    goal_id          uuid        NOT NULL,
    phase            text        NOT NULL CHECK (phase IN ('nightly', 'close', 'final')),
    as_of            timestamptz NOT NULL,
    reason           text        NOT NULL,
    detail           text        NOT NULL,
    job_execution_id bigint      NOT NULL,
    rejected_at      timestamptz NOT NULL,
    CONSTRAINT goal_compliance_rejects_pk PRIMARY KEY (goal_id, phase, as_of)
);

CREATE INDEX goal_compliance_rejects_as_of_idx ON goal_compliance_rejects (as_of, phase);

-- Payouts read final snapshots only. A missed goal whose stats were stale at settlement may be an
-- undercount: it needs review rather than being ineligible.
CREATE VIEW payout_eligibility AS
SELECT goal_id,
       creator_id,
       project_id,
       org_id,
       metric,
       period,
       period_start,
       period_end,
       target,
       actual,
       status,
       CASE
           WHEN status = 'completed' THEN 'eligible'
           WHEN (advisory ->> 'scrape_stale')::boolean THEN 'needs_review'
           ELSE 'ineligible'
       END AS eligibility,
       as_of,
       close_status,
       close_actual
FROM goal_compliance_snapshots
WHERE phase = 'final';
