-- What bench/storage.sh found a migration after V13 needs for history at size; not applied by the
-- application. Measured with `HISTORY_SQL=bench/candidate-v14.sql HISTORY_REUSE=true bench/storage.sh`
-- (bench/README.md "Storage and history at size"). Three changes, each with its reason:
--
-- 1. The views join the terms by number alone and take goal_id and project_id from the rows. With V13's
--    extra equalities (t.goal_id = r.goal_id AND t.project_id = r.project_id) the planner multiplies three
--    join selectivities and expects one row from any join, so a history page read and sorted all of a
--    project's rows (201,120 rows, 100k buffers, 1.0-1.4 s at 10 M) instead of walking (project_id, as_of)
--    in order; and the keyset's row comparison, on t.goal_id, could not reach the rows' index.
-- 2. One goal's rows by goal_id: without the equalities the terms' goal index no longer leads to the rows,
--    so the rows get an index on goal_id (deduplicated: a few bytes a row; it can replace the terms_id one
--    if nothing else reads by terms_id).
-- 3. goal_compliance_advisory() in PL/pgSQL. V13 declares the helpers IMMUTABLE, but their bodies call
--    STABLE built-ins (to_char, extract, timestamptz + interval), so the planner never inlines them, and the
--    advisory itself (a SELECT with a FROM) is never inlined either: every advisory ran about ten
--    SQL-function executions, 60-240 us a row, 60-240 ms a 1,000-row page. Marked STABLE the helpers inline
--    into the PL/pgSQL expressions, each planned once per session: about 4 us a row, the same object field
--    for field (checked on every generated row and on all 64 flag values).

CREATE OR REPLACE VIEW goal_compliance_snapshots AS
SELECT r.goal_id, r.phase, r.as_of, t.org_id, r.project_id, t.creator_id, t.metric, t.period, t.target, r.actual,
       r.percentage, goal_compliance_status_name(r.status) AS status, r.period_start, r.period_end,
       r.advisory_flags & 8 <> 0 AS has_advisory,
       coalesce(r.advisory_original, goal_compliance_advisory(r.as_of, r.period_start, r.period_end, r.advisory_flags,
                                                               r.last_scraped_at, r.goal_start_date)) AS advisory,
       r.close_status, r.close_actual, r.evaluated_at, r.job_execution_id::bigint AS job_execution_id
FROM goal_compliance_snapshot_rows r
JOIN goal_compliance_goal_terms t ON t.id = r.terms_id;

CREATE OR REPLACE VIEW payout_eligibility AS
SELECT r.goal_id, t.creator_id, r.project_id, t.org_id, t.metric, t.period, r.period_start, r.period_end, t.target,
       r.actual, goal_compliance_status_name(r.status) AS status,
       CASE WHEN r.status = 4 THEN 'eligible' WHEN (r.advisory_flags >> 4) & 3 <> 0 THEN 'needs_review'
            ELSE 'ineligible' END AS eligibility,
       r.as_of, r.close_status, r.close_actual
FROM goal_compliance_snapshot_rows r
JOIN goal_compliance_goal_terms t ON t.id = r.terms_id
WHERE r.phase = 'final';

CREATE INDEX IF NOT EXISTS goal_compliance_snapshot_rows_goal_idx ON goal_compliance_snapshot_rows (goal_id);

ALTER FUNCTION goal_compliance_hours(bigint) STABLE;
ALTER FUNCTION goal_compliance_spoken(bigint) STABLE;
ALTER FUNCTION goal_compliance_millis(timestamptz, timestamptz) STABLE;
ALTER FUNCTION goal_compliance_utc_millis(timestamptz) STABLE;

-- The same object as V13's, computed with PL/pgSQL variables: each expression is planned once per session
-- (the helpers inlined into it) instead of one SQL-function execution per call and helper.
CREATE OR REPLACE FUNCTION goal_compliance_advisory(as_of timestamptz, period_start timestamptz,
                                                    period_end timestamptz, flags smallint,
                                                    last_scraped_at timestamptz, goal_start_date date) RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    in_progress boolean := flags & 1 <> 0;
    bucket integer := (flags >> 4) & 3;
    to_end bigint := goal_compliance_millis(period_end + INTERVAL '1 millisecond', as_of);
    from_end bigint := -to_end;
    age bigint := goal_compliance_millis(as_of, last_scraped_at);
    stale_message text;
BEGIN
    IF bucket <> 0 THEN
        stale_message := CASE
            WHEN bucket = 3 THEN 'Stats have never been scraped for this creator. '
                || 'Views, engagement, or follower counts may undercount until the first scrape runs.'
            ELSE 'Stats last scraped ' || goal_compliance_spoken(age) || ' ago. '
                || 'Views, engagement, or follower counts may undercount until the next scrape runs.'
        END;
    END IF;
    RETURN jsonb_build_object(
               'period_in_progress', in_progress,
               'period_recently_ended', flags & 2 <> 0,
               'scrape_stale', bucket <> 0,
               'not_yet_started', flags & 4 <> 0,
               'has_advisory', flags & 8 <> 0,
               'period_start', goal_compliance_utc_millis(period_start),
               'period_end', goal_compliance_utc_millis(period_end),
               'hours_until_period_end', CASE WHEN in_progress THEN goal_compliance_hours(to_end) END,
               'hours_since_period_end', CASE WHEN NOT in_progress THEN goal_compliance_hours(from_end) END,
               'scrape_freshness', CASE WHEN bucket <> 0 THEN jsonb_build_object(
                   'bucket', (ARRAY['fresh', 'turning_stale', 'overdue', 'never'])[bucket + 1],
                   'last_scraped_at', goal_compliance_utc_millis(last_scraped_at),
                   'age_hours', goal_compliance_hours(age),
                   'tooltip', stale_message) END,
               'goal_start_date', to_char(goal_start_date, 'YYYY-MM-DD'),
               'messages', to_jsonb(array_remove(ARRAY[
                   CASE WHEN in_progress THEN 'Period in progress — closes in '
                       || goal_compliance_spoken(to_end) || '. Final actual may be higher.' END,
                   CASE WHEN flags & 2 <> 0 THEN 'Period ended ' || goal_compliance_spoken(from_end)
                       || ' ago. Late-period posts may still be processing through scrape.' END,
                   CASE WHEN bucket <> 0 THEN stale_message END,
                   CASE WHEN flags & 4 <> 0 THEN 'Goal starts on ' || to_char(goal_start_date, 'YYYY-MM-DD')
                       || '. No data has accrued yet.' END], NULL)));
END
$$;
