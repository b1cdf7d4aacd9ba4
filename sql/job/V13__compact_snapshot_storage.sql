-- Compact, partitioned snapshot storage behind the contract's relations (data-contract.md "Results").
--
-- goal_compliance_snapshots and payout_eligibility become views with the same columns and the same advisory
-- JSON as before; the rows live in goal_compliance_snapshot_rows, partitioned by phase (nightly rows apart,
-- so retention can drop them whole) and then by calendar month (UTC) of as_of:
--
--   goal_compliance_snapshot_rows             LIST (phase)
--     goal_compliance_nightly_rows            'nightly'          RANGE (as_of)
--       goal_compliance_nightly_rows_yYYYYmMM   one month
--     goal_compliance_settled_rows            'close', 'final'   RANGE (as_of)
--       goal_compliance_settled_rows_yYYYYmMM   one month
--
-- What a row repeats is stored once: a goal's terms (org, project, creator, metric, period, target) in
-- goal_compliance_goal_terms and a chunk's job execution and write time in goal_compliance_snapshot_writes,
-- each referenced by number; status as a small code; the advisory as flags plus the
-- two values that are not functions of the row's instants (the stale scrape's time, the pending start
-- date). goal_compliance_advisory() rebuilds the API's advisory object from them, field for field.

-- A goal's terms as snapshots recorded them. A goal whose terms change gets a second row; rows never change.
-- Rows with identical values are harmless (two jobs recording one goal at once), so there is no unique key.
CREATE TABLE goal_compliance_goal_terms (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    goal_id    uuid   NOT NULL,
    org_id     uuid   NOT NULL,
    project_id uuid   NOT NULL,
    creator_id uuid   NOT NULL,
    target     bigint NOT NULL,
    metric     text   NOT NULL,
    period     text   NOT NULL
);

CREATE INDEX goal_compliance_goal_terms_goal_idx ON goal_compliance_goal_terms (goal_id);

-- One row per chunk written: every snapshot of the chunk has the same evaluated_at and job execution.
CREATE TABLE goal_compliance_snapshot_writes (
    id               integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_execution_id bigint      NOT NULL,
    evaluated_at     timestamptz NOT NULL
);

-- Columns ordered widest first, so that a close or nightly row packs into 120 bytes without padding.
CREATE TABLE goal_compliance_snapshot_rows (
    as_of              timestamptz NOT NULL,
    period_start       timestamptz NOT NULL,
    period_end         timestamptz NOT NULL,
    actual             bigint      NOT NULL,
    goal_id            uuid        NOT NULL,
    project_id         uuid        NOT NULL,
    terms_id           integer     NOT NULL,
    percentage         integer     NOT NULL,
    write_id           integer     NOT NULL,
    status             smallint    NOT NULL CHECK (status BETWEEN 1 AND 5),
    advisory_flags     smallint    NOT NULL,
    phase              text        NOT NULL,
    last_scraped_at    timestamptz,             -- stale stats with a scrape only
    goal_start_date    date,                    -- not yet started only
    close_actual       bigint,                  -- final rows only
    close_status       text,                    -- final rows only
    advisory_original  jsonb,                   -- a migrated advisory that the columns would rebuild otherwise
    -- A job writes its own as_of, after every key already there: pages it fills are never written again,
    -- so they are filled to the brim (a rerun's rows return to the room its delete made).
    CONSTRAINT goal_compliance_snapshot_rows_pk PRIMARY KEY (as_of, phase, goal_id) WITH (fillfactor = 100)
) PARTITION BY LIST (phase);

CREATE TABLE goal_compliance_nightly_rows PARTITION OF goal_compliance_snapshot_rows
    FOR VALUES IN ('nightly') PARTITION BY RANGE (as_of);
CREATE TABLE goal_compliance_settled_rows PARTITION OF goal_compliance_snapshot_rows
    FOR VALUES IN ('close', 'final') PARTITION BY RANGE (as_of);

-- The primary key serves the job's readers (one instant's rows in goal order) and the instant's reports;
-- these two serve a project's history (few distinct keys per page, so deduplicated to a few bytes a row)
-- and a goal's rows (through its terms).
CREATE INDEX goal_compliance_snapshot_rows_project_idx ON goal_compliance_snapshot_rows (project_id, as_of);
CREATE INDEX goal_compliance_snapshot_rows_terms_idx ON goal_compliance_snapshot_rows (terms_id);

-- Creates the month partition that holds (phase, as_of) if it is missing; returns its name. The job calls it
-- before it writes, and serve for the months ahead. Two callers at once: the advisory lock makes the second
-- wait for the first, and the second then finds the table (an advisory lock does not refresh this session's
-- view of the catalog, so its CREATE may still collide: that error means the table is there).
CREATE FUNCTION goal_compliance_snapshot_partition(p_phase text, p_as_of timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    kind   text := CASE WHEN p_phase = 'nightly' THEN 'nightly' ELSE 'settled' END;
    month  timestamp := date_trunc('month', p_as_of AT TIME ZONE 'UTC');
    name   text := format('goal_compliance_%s_rows_%s', kind, to_char(month, '"y"YYYY"m"MM'));
BEGIN
    IF to_regclass(name) IS NULL THEN
        PERFORM pg_advisory_xact_lock(hashtext('goal_compliance_snapshot_partition'));
        IF to_regclass(name) IS NULL THEN
            BEGIN
                EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name,
                               'goal_compliance_' || kind || '_rows',
                               month AT TIME ZONE 'UTC', (month + INTERVAL '1 month') AT TIME ZONE 'UTC');
            EXCEPTION WHEN duplicate_table OR unique_violation THEN
                NULL;
            END;
        END IF;
    END IF;
    RETURN name;
END
$$;

-- Status and advisory codes: the only place that maps them, both ways.
CREATE FUNCTION goal_compliance_status_code(status text) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_position(ARRAY['on_track', 'behind_pace', 'at_risk', 'completed', 'missed'], status)::smallint
$$;

CREATE FUNCTION goal_compliance_status_name(code smallint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (ARRAY['on_track', 'behind_pace', 'at_risk', 'completed', 'missed'])[code]
$$;

-- Bits 1, 2, 4, 8: period_in_progress, period_recently_ended, not_yet_started, has_advisory; bits 16 and 32:
-- the freshness bucket (0 fresh, 1 turning_stale, 2 overdue, 3 never). scrape_stale is "bucket is not fresh".
CREATE FUNCTION goal_compliance_advisory_flags(in_progress boolean, recently_ended boolean,
                                               not_yet_started boolean, has_advisory boolean,
                                               bucket text) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE WHEN in_progress THEN 1 ELSE 0 END
          + CASE WHEN recently_ended THEN 2 ELSE 0 END
          + CASE WHEN not_yet_started THEN 4 ELSE 0 END
          + CASE WHEN has_advisory THEN 8 ELSE 0 END
          + 16 * (array_position(ARRAY['fresh', 'turning_stale', 'overdue', 'never'], bucket) - 1))::smallint
$$;

-- Evaluation's Hours.tenths: milliseconds to hours, rounded half up to one decimal, always with scale 1.
CREATE FUNCTION goal_compliance_hours(millis bigint) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT round(floor((millis + 180000) / 360000.0) / 10, 1)
$$;

-- Evaluation's Hours.spoken: whole days, else whole hours, else "less than an hour".
CREATE FUNCTION goal_compliance_spoken(millis bigint) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    IF millis >= 172800000 THEN RETURN (millis / 86400000) || ' days';
    ELSIF millis >= 86400000 THEN RETURN '1 day';
    ELSIF millis >= 7200000 THEN RETURN (millis / 3600000) || ' hours';
    ELSIF millis >= 3600000 THEN RETURN '1 hour';
    END IF;
    RETURN 'less than an hour';
END
$$;

-- The API's advisory object (compliance.md; evaluation.Advisories and Messages): flags, context fields and
-- one message per true flag, in the spec's order. The window's exclusive end is period_end + 1 ms; durations
-- are whole milliseconds, floored, as java.time.Duration.toMillis() gives them. PL/pgSQL, because it computes
-- each duration once: the equivalent SQL function cannot be inlined and costs several times as much a row.
-- STABLE, not IMMUTABLE: to_char is.
CREATE FUNCTION goal_compliance_advisory(as_of timestamptz, period_start timestamptz, period_end timestamptz,
                                         flags smallint, last_scraped_at timestamptz,
                                         goal_start_date date) RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    utc CONSTANT text := 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';
    in_progress boolean := flags & 1 <> 0;
    bucket integer := (flags >> 4) & 3;
    since_end bigint := floor((extract(epoch FROM as_of) - extract(epoch FROM period_end)) * 1000)::bigint - 1;
    until_end bigint := floor((extract(epoch FROM period_end) - extract(epoch FROM as_of)) * 1000)::bigint + 1;
    age bigint := floor((extract(epoch FROM as_of) - extract(epoch FROM last_scraped_at)) * 1000)::bigint;
    stale_message text;
BEGIN
    IF bucket = 3 THEN
        stale_message := 'Stats have never been scraped for this creator. '
            || 'Views, engagement, or follower counts may undercount until the first scrape runs.';
    ELSIF bucket <> 0 THEN
        stale_message := 'Stats last scraped ' || goal_compliance_spoken(age) || ' ago. '
            || 'Views, engagement, or follower counts may undercount until the next scrape runs.';
    END IF;
    RETURN jsonb_build_object(
        'period_in_progress', in_progress,
        'period_recently_ended', flags & 2 <> 0,
        'scrape_stale', bucket <> 0,
        'not_yet_started', flags & 4 <> 0,
        'has_advisory', flags & 8 <> 0,
        'period_start', to_char(period_start AT TIME ZONE 'UTC', utc),
        'period_end', to_char(period_end AT TIME ZONE 'UTC', utc),
        'hours_until_period_end', CASE WHEN in_progress THEN goal_compliance_hours(until_end) END,
        'hours_since_period_end', CASE WHEN NOT in_progress THEN goal_compliance_hours(since_end) END,
        'scrape_freshness', CASE WHEN bucket <> 0 THEN jsonb_build_object(
            'bucket', (ARRAY['fresh', 'turning_stale', 'overdue', 'never'])[bucket + 1],
            'last_scraped_at', to_char(last_scraped_at AT TIME ZONE 'UTC', utc),
            'age_hours', goal_compliance_hours(age),
            'tooltip', stale_message) END,
        'goal_start_date', to_char(goal_start_date, 'YYYY-MM-DD'),
        'messages', to_jsonb(array_remove(ARRAY[
            CASE WHEN in_progress THEN 'Period in progress — closes in ' || goal_compliance_spoken(until_end)
                || '. Final actual may be higher.' END,
            CASE WHEN flags & 2 <> 0 THEN 'Period ended ' || goal_compliance_spoken(since_end)
                || ' ago. Late-period posts may still be processing through scrape.' END,
            stale_message,
            CASE WHEN flags & 4 <> 0 THEN 'Goal starts on ' || to_char(goal_start_date, 'YYYY-MM-DD')
                || '. No data has accrued yet.' END], NULL)));
END
$$;

-- The existing rows move in place: terms first, then every row, month by month partitions made on the way.
SELECT goal_compliance_snapshot_partition(phase, month)
FROM (SELECT DISTINCT phase, date_trunc('month', as_of AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month
      FROM goal_compliance_snapshots) months;

INSERT INTO goal_compliance_goal_terms (goal_id, org_id, project_id, creator_id, target, metric, period)
SELECT DISTINCT goal_id, org_id, project_id, creator_id, target, metric, period
FROM goal_compliance_snapshots
ORDER BY goal_id;

INSERT INTO goal_compliance_snapshot_writes (job_execution_id, evaluated_at)
SELECT DISTINCT job_execution_id, evaluated_at
FROM goal_compliance_snapshots
ORDER BY evaluated_at, job_execution_id;

INSERT INTO goal_compliance_snapshot_rows (as_of, period_start, period_end, actual, goal_id, project_id,
    terms_id, percentage, write_id, status, advisory_flags, phase, last_scraped_at, goal_start_date,
    close_actual, close_status, advisory_original)
SELECT s.as_of, s.period_start, s.period_end, s.actual, s.goal_id, s.project_id, t.id,
       s.percentage, w.id, goal_compliance_status_code(s.status), c.flags, s.phase, c.last_scraped_at,
       c.goal_start_date, s.close_actual, s.close_status,
       -- An advisory the columns would print differently is kept as it was: the old one printed a scrape's time
       -- to the millisecond, and a scrape with a sub-millisecond part whose age lies on a rounding boundary
       -- rebuilds 0.1 h (or a spoken hour) off. New rows store the exact time.
       CASE WHEN goal_compliance_advisory(s.as_of, s.period_start, s.period_end, c.flags, c.last_scraped_at,
                                          c.goal_start_date) IS DISTINCT FROM s.advisory
            OR s.has_advisory IS DISTINCT FROM (c.flags & 8 <> 0)
            THEN s.advisory END
FROM goal_compliance_snapshots s
JOIN goal_compliance_goal_terms t ON t.goal_id = s.goal_id AND t.org_id = s.org_id AND t.project_id = s.project_id
     AND t.creator_id = s.creator_id AND t.target = s.target AND t.metric = s.metric AND t.period = s.period
JOIN goal_compliance_snapshot_writes w ON w.job_execution_id = s.job_execution_id AND w.evaluated_at = s.evaluated_at
CROSS JOIN LATERAL (
    SELECT goal_compliance_advisory_flags(
               (s.advisory ->> 'period_in_progress')::boolean, (s.advisory ->> 'period_recently_ended')::boolean,
               (s.advisory ->> 'not_yet_started')::boolean, s.has_advisory,
               coalesce(s.advisory -> 'scrape_freshness' ->> 'bucket', 'fresh')) AS flags,
           CAST(s.advisory -> 'scrape_freshness' ->> 'last_scraped_at' AS timestamptz) AS last_scraped_at,
           CAST(s.advisory ->> 'goal_start_date' AS date) AS goal_start_date) c;

DROP VIEW payout_eligibility;
DROP TABLE goal_compliance_snapshots;

CREATE VIEW goal_compliance_snapshots AS
SELECT r.goal_id,
       r.phase,
       r.as_of,
       t.org_id,
       r.project_id,
       t.creator_id,
       t.metric,
       t.period,
       t.target,
       r.actual,
       r.percentage,
       goal_compliance_status_name(r.status) AS status,
       r.period_start,
       r.period_end,
       r.advisory_flags & 8 <> 0 AS has_advisory,
       coalesce(r.advisory_original, goal_compliance_advisory(r.as_of, r.period_start, r.period_end,
                                                               r.advisory_flags, r.last_scraped_at,
                                                               r.goal_start_date)) AS advisory,
       r.close_status,
       r.close_actual,
       w.evaluated_at,
       w.job_execution_id
FROM goal_compliance_snapshot_rows r
-- Every row has both; outer joins so that a query which reads no column of one skips it altogether.
LEFT JOIN goal_compliance_goal_terms t ON t.id = r.terms_id
LEFT JOIN goal_compliance_snapshot_writes w ON w.id = r.write_id;

-- One goal's snapshots, found through its terms (the rows' terms index) rather than a scan: the rows have no
-- index that starts with the goal, which would cost more bytes a row than all the others.
CREATE FUNCTION goal_compliance_goal_snapshots(goal uuid) RETURNS SETOF goal_compliance_snapshots
LANGUAGE sql STABLE PARALLEL SAFE ROWS 100 AS $$
    SELECT s.*
    FROM goal_compliance_snapshots s
    WHERE s.goal_id = goal
      AND (s.as_of, s.phase) IN (SELECT r.as_of, r.phase
                                 FROM goal_compliance_goal_terms t
                                 JOIN goal_compliance_snapshot_rows r ON r.terms_id = t.id
                                 WHERE t.goal_id = goal AND r.goal_id = goal)
$$;

-- Payouts read final snapshots only. A missed goal whose stats were stale at settlement may be an
-- undercount: it needs review rather than being ineligible.
CREATE VIEW payout_eligibility AS
SELECT r.goal_id,
       t.creator_id,
       r.project_id,
       t.org_id,
       t.metric,
       t.period,
       r.period_start,
       r.period_end,
       t.target,
       r.actual,
       goal_compliance_status_name(r.status) AS status,
       CASE
           WHEN r.status = 4 THEN 'eligible'
           WHEN (r.advisory_flags >> 4) & 3 <> 0 THEN 'needs_review'
           ELSE 'ineligible'
       END AS eligibility,
       r.as_of,
       r.close_status,
       r.close_actual
FROM goal_compliance_snapshot_rows r
LEFT JOIN goal_compliance_goal_terms t ON t.id = r.terms_id
WHERE r.phase = 'final';
