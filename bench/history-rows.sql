-- History at size, part 2 (bench/storage.sh): snapshot rows for the days [:day_from, :day_to) after
-- 2026-07-01 (as_of 05:00Z, the Central-time midnight), straight into goal_compliance_snapshot_rows, one
-- committed INSERT … SELECT per day in goal order, as the jobs write them. Every goal has per day:
--   * daily goals: the close of the day that just ended and the final of the day before it (2 rows);
--   * weekly (weeks from Monday) and monthly goals: the nightly of the period in progress, or the period's
--     close on its first day after; and the final two days after the close (a 2nd row that day).
-- 100 days of 72,000 goals make 10.0 M rows in 4 months (8 partitions). Flags, status and freshness vary
-- by goal (1 in 10 turning stale at 30 h, 1 in 97 never scraped), so the advisory takes all its shapes.

SELECT goal_compliance_snapshot_partition(k, timestamptz '2026-07-01T05:00:00Z' + d * interval '1 day')
FROM generate_series(:day_from, :day_to - 1) d, (VALUES ('nightly'), ('final')) p(k)
GROUP BY 1;

-- psql does not substitute inside the DO body: the days go in as settings
SELECT set_config('bench.day_from', :'day_from', false), set_config('bench.day_to', :'day_to', false);

DO $$
DECLARE
    d integer;
    chunks integer := (SELECT max(id) / 1000 + 1 FROM goal_compliance_goal_terms);
    base integer;
BEGIN
    FOR d IN current_setting('bench.day_from')::int .. current_setting('bench.day_to')::int - 1 LOOP
        -- one write per chunk of 1,000 goals and job of the day, as the jobs record them
        base := coalesce((SELECT max(id) FROM goal_compliance_snapshot_writes), 0);
        INSERT INTO goal_compliance_snapshot_writes (job_execution_id, evaluated_at)
        SELECT d * 3 + n, timestamptz '2026-07-01T05:00:00Z' + d * interval '1 day' + (180 + c) * interval '1 second'
        FROM generate_series(1, 3) n, generate_series(0, chunks - 1) c
        ORDER BY n, c;
        INSERT INTO goal_compliance_snapshot_rows (as_of, period_start, period_end, actual, goal_id,
            project_id, terms_id, percentage, write_id, status, advisory_flags, phase, last_scraped_at,
            close_actual, close_status)
        SELECT a.as_of, w.period_start, w.period_end, v.actual,
               t.goal_id, t.project_id, t.id, v.actual * 100 / t.target, base + (w.n - 1) * chunks + t.id / 1000 + 1,
               CASE WHEN v.actual >= t.target THEN 4 WHEN w.phase <> 'nightly' THEN 5 ELSE 1 + (t.id + d) % 3 END,
               CASE w.phase WHEN 'nightly' THEN 1 WHEN 'close' THEN 2 ELSE 0 END + 16 * f.bucket
                   + CASE WHEN w.phase <> 'final' OR f.bucket <> 0 THEN 8 ELSE 0 END,
               w.phase, CASE WHEN f.bucket = 1 THEN a.as_of - interval '30 hours' END,
               CASE WHEN w.phase = 'final' THEN v.actual - t.id % 3 END,
               CASE WHEN w.phase = 'final' THEN CASE WHEN v.actual - t.id % 3 >= t.target THEN 'completed'
                                                     ELSE 'missed' END END
        FROM (SELECT timestamptz '2026-07-01T05:00:00Z' + d * interval '1 day' AS as_of,
                     date '2026-07-01' + d AS day) a
        CROSS JOIN goal_compliance_goal_terms t
        CROSS JOIN LATERAL (SELECT CASE t.period WHEN 'daily' THEN interval '1 day' WHEN 'weekly' THEN interval '7 days'
                                       ELSE interval '1 month' END AS len,
                                   CASE t.period WHEN 'daily' THEN 0 WHEN 'weekly' THEN extract(isodow FROM a.day) - 1
                                       ELSE extract(day FROM a.day) - 1 END AS off) p
        CROSS JOIN LATERAL (
            SELECT 1 AS n, 'nightly' AS phase, a.as_of - p.off * interval '1 day' AS period_start,
                   a.as_of - p.off * interval '1 day' + p.len - interval '1 millisecond' AS period_end
            WHERE p.off <> 0
            UNION ALL
            SELECT 2, 'close', a.as_of - p.len, a.as_of - interval '1 millisecond' WHERE p.off = 0
            UNION ALL
            SELECT 3, 'final', a.as_of - interval '2 days' - p.len, a.as_of - interval '2 days 1 millisecond'
            WHERE p.off = 2 OR t.period = 'daily') w
        CROSS JOIN LATERAL (SELECT (t.id * 7 + d * 13) % (2 * t.target) AS actual) v
        CROSS JOIN LATERAL (SELECT CASE WHEN t.id % 97 = 0 THEN 3 WHEN t.id % 10 = 0 THEN 1 ELSE 0 END AS bucket) f
        ORDER BY t.goal_id, w.n;
        COMMIT;
    END LOOP;
END
$$;
