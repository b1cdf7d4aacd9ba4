-- Row-for-row check of the job's close rows at :'as_of' against the set-based reference (bench_sql_close):
-- every goal on both sides, with the same actual, status, percentage, window and advisory (jsonb equality).
-- Prints the number of mismatches and up to 5 examples; bench/run.sh fails when it is not 0.

WITH job AS (
    SELECT goal_id, actual, status, percentage, period_start, period_end, target, metric, advisory
    FROM goal_compliance_snapshots
    WHERE phase = 'close' AND as_of = CAST(:'as_of' AS timestamptz)
),
diff AS (
    SELECT coalesce(j.goal_id, r.goal_id) AS goal_id,
           CASE WHEN j.goal_id IS NULL THEN 'missing in job'
                WHEN r.goal_id IS NULL THEN 'missing in sql'
                ELSE concat_ws(' ',
                    CASE WHEN j.actual <> r.actual THEN 'actual ' || j.actual || '<>' || r.actual END,
                    CASE WHEN j.status <> r.status THEN 'status ' || j.status || '<>' || r.status END,
                    CASE WHEN j.percentage <> r.percentage THEN 'percentage ' || j.percentage || '<>' || r.percentage END,
                    CASE WHEN j.period_start <> r.period_start OR j.period_end <> r.period_end THEN 'window' END,
                    CASE WHEN j.target <> r.target OR j.metric <> r.metric THEN 'terms' END,
                    CASE WHEN j.advisory <> r.advisory THEN 'advisory ' || j.advisory::text || ' <> ' || r.advisory::text END)
           END AS difference
    FROM job j FULL JOIN bench_sql_close r ON r.goal_id = j.goal_id
)
SELECT 'mismatches', count(*) FILTER (WHERE difference <> ''),
       'rows', count(*),
       'examples', (SELECT string_agg(goal_id || ': ' || difference, E'\n')
                    FROM (SELECT * FROM diff WHERE difference <> '' LIMIT 5) e)
FROM diff;
