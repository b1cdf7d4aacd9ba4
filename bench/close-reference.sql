-- The set-based reference: ONE statement that computes, inside PostgreSQL, the close rows the job writes for
-- the instant :'as_of' (actual, status, percentage, advisory), following spec/compliance.md:
--   due goals    active goal, created by as_of, active creator, as_of a local midnight of the org's zone, the
--                day before it active and a window ending at it (a new period starts, or the day after
--                end_date); valid metric, period, target and date range (the bench data has no rejects);
--   window       the calendar period of the day before, clipped to start_date / end_date + 1, local midnights
--                of the org's zone turned into instants;
--   actual       videos posted in the window and discovered by as_of (count, or sum of the metric's columns,
--                null = 0); followers: latest successful scrape (with a count) at or before the window end
--                minus the latest at or before its start, else the earliest inside it;
--   status       closed window: completed when actual >= target, else missed; percentage half up, 0 if <= 0;
--   advisory     the API object field for field, with the freshness of the latest successful scrape.
-- It materializes the rows into bench_sql_close, so that bench/compare.sql can check them against the job's.

DROP TABLE IF EXISTS bench_sql_close;

CREATE TABLE bench_sql_close AS
WITH params AS (
    SELECT CAST(:'as_of' AS timestamptz) AS as_of,
           interval '48 hours' AS settle_delay, interval '24 hours' AS turning_stale, interval '48 hours' AS overdue
),
goals AS (
    SELECT g.id AS goal_id, g.creator_id, c.project_id, pr.org_id, g.metric, g.period, g.target_value AS target,
           g.start_date, g.end_date, o.timezone, (pa.as_of AT TIME ZONE o.timezone)::date AS day, pa.*
    FROM creator_goals g
    JOIN creators c ON c.id = g.creator_id AND c.is_active
    JOIN projects pr ON pr.id = c.project_id
    JOIN organizations o ON o.id = pr.org_id
    CROSS JOIN params pa
    WHERE g.is_active AND g.created_at <= pa.as_of
      AND (pa.as_of AT TIME ZONE o.timezone)::time = time '00:00'
      AND g.metric IN ('posts', 'views', 'likes', 'comments', 'shares', 'engagement', 'followers')
      AND g.period IN ('daily', 'weekly', 'monthly')
      AND g.target_value > 0
      AND NOT coalesce(g.end_date < g.start_date, false)
),
periods AS (
    SELECT gl.*,
           CASE period WHEN 'daily' THEN day - 1
                       WHEN 'weekly' THEN date_trunc('week', day - 1)::date
                       ELSE date_trunc('month', day - 1)::date END AS first_day,
           CASE period WHEN 'daily' THEN true
                       WHEN 'weekly' THEN extract(isodow FROM day) = 1
                       ELSE extract(day FROM day) = 1 END AS period_starts_today
    FROM goals gl
),
due AS (
    SELECT p.*,
           (greatest(first_day, start_date)::timestamp AT TIME ZONE timezone) AS w_start,
           (least(CASE period WHEN 'daily' THEN first_day + 1
                              WHEN 'weekly' THEN first_day + 7
                              ELSE (first_day + interval '1 month')::date END,
                  end_date + 1)::timestamp AT TIME ZONE timezone) AS w_end
    FROM periods p
    WHERE (start_date IS NULL OR day - 1 >= start_date)
      AND (end_date IS NULL OR day - 1 <= end_date)
      AND (period_starts_today OR day = end_date + 1)
),
tallied AS (
    SELECT d.*,
           CASE d.metric
               WHEN 'followers' THEN coalesce(fol.current_followers - fol.baseline_followers, 0)
               WHEN 'posts' THEN coalesce(v.posts, 0)
               WHEN 'views' THEN coalesce(v.views, 0)
               WHEN 'likes' THEN coalesce(v.likes, 0)
               WHEN 'comments' THEN coalesce(v.comments, 0)
               WHEN 'shares' THEN coalesce(v.shares, 0)
               ELSE coalesce(v.likes + v.comments + v.shares, 0)
           END AS actual,
           fresh.last_scraped
    FROM due d
    LEFT JOIN LATERAL (
        SELECT count(*) AS posts, sum(coalesce(vi.views, 0)) AS views, sum(coalesce(vi.likes, 0)) AS likes,
               sum(coalesce(vi.comments, 0)) AS comments, sum(coalesce(vi.shares, 0)) AS shares
        FROM videos vi
        WHERE vi.creator_id = d.creator_id AND vi.posted_at >= d.w_start AND vi.posted_at < d.w_end
          AND vi.discovered_at <= d.as_of
          AND d.metric <> 'followers' -- inside, not in ON: the planner would scan for every goal, then drop
    ) v ON true
    LEFT JOIN LATERAL (
        SELECT (SELECT s.followers FROM creator_scrapes s
                WHERE s.creator_id = d.creator_id AND s.succeeded AND s.followers IS NOT NULL
                  AND s.scraped_at <= d.w_end AND s.scraped_at <= d.as_of
                ORDER BY s.scraped_at DESC LIMIT 1) AS current_followers,
               coalesce((SELECT s.followers FROM creator_scrapes s
                         WHERE s.creator_id = d.creator_id AND s.succeeded AND s.followers IS NOT NULL
                           AND s.scraped_at <= d.w_start AND s.scraped_at <= d.as_of
                         ORDER BY s.scraped_at DESC LIMIT 1),
                        (SELECT s.followers FROM creator_scrapes s
                         WHERE s.creator_id = d.creator_id AND s.succeeded AND s.followers IS NOT NULL
                           AND s.scraped_at >= d.w_start AND s.scraped_at < d.w_end AND s.scraped_at <= d.as_of
                         ORDER BY s.scraped_at LIMIT 1)) AS baseline_followers
        WHERE d.metric = 'followers' -- a one-time filter: the subqueries run for follower goals only
    ) fol ON true
    LEFT JOIN LATERAL (
        SELECT max(s.scraped_at) AS last_scraped FROM creator_scrapes s
        WHERE s.creator_id = d.creator_id AND s.succeeded AND s.scraped_at <= d.as_of
    ) fresh ON true
),
flagged AS (
    SELECT t.*,
           as_of < w_end AS in_progress,
           as_of >= w_end AND as_of - w_end < settle_delay AS recently_ended,
           CASE WHEN last_scraped IS NULL THEN 'never'
                WHEN as_of - last_scraped < turning_stale THEN 'fresh'
                WHEN as_of - last_scraped < overdue THEN 'turning_stale'
                ELSE 'overdue' END AS bucket
    FROM tallied t
)
SELECT goal_id, as_of, org_id, project_id, creator_id, metric, period, target, actual,
       CASE WHEN actual <= 0 THEN 0 ELSE least(round(actual::numeric * 100 / target), 2147483647)::integer END
           AS percentage,
       CASE WHEN as_of < w_end THEN NULL -- an open window: never a close row
            WHEN actual >= target THEN 'completed' ELSE 'missed' END AS status,
       w_start AS period_start, w_end - interval '1 millisecond' AS period_end,
       recently_ended AS has_advisory,
       jsonb_build_object(
           'period_in_progress', in_progress,
           'period_recently_ended', recently_ended,
           'scrape_stale', bucket <> 'fresh',
           'not_yet_started', false, -- a close follows an active day: the goal has started
           'has_advisory', recently_ended,
           'period_start', bench_instant(w_start),
           'period_end', bench_instant(w_end - interval '1 millisecond'),
           'hours_until_period_end', CASE WHEN in_progress THEN bench_hours(w_end - as_of) END,
           'hours_since_period_end', CASE WHEN NOT in_progress THEN bench_hours(as_of - w_end) END,
           'scrape_freshness', CASE WHEN bucket <> 'fresh' THEN jsonb_build_object(
               'bucket', bucket,
               'last_scraped_at', bench_instant(last_scraped),
               'age_hours', bench_hours(as_of - last_scraped),
               'tooltip', bench_stale_message(last_scraped, as_of)) END,
           'goal_start_date', NULL::text,
           'messages', to_jsonb(array_remove(ARRAY[
               CASE WHEN in_progress THEN 'Period in progress — closes in ' || bench_spoken(w_end - as_of)
                                          || '. Final actual may be higher.' END,
               CASE WHEN recently_ended THEN 'Period ended ' || bench_spoken(as_of - w_end)
                                             || ' ago. Late-period posts may still be processing through scrape.' END,
               CASE WHEN bucket <> 'fresh' THEN bench_stale_message(last_scraped, as_of) END], NULL))
       ) AS advisory
FROM flagged;
