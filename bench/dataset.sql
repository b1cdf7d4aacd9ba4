-- Benchmark dataset, made inside PostgreSQL with generate_series: reproducible (no random()), same rows for
-- the same :goals. Run with psql -v goals=200000 on a migrated, empty database.
--
-- :goals goals on :goals/2 creators, all closing at 2026-06-01T05:00:00Z (Monday the 1st, local midnight in
-- the four Central-time organizations, so daily, weekly and monthly windows all end then):
--   * 4 organizations (America/Chicago, America/Winnipeg, America/Matamoros, America/Menominee), 8 projects;
--   * every 200th creator inactive (its goals are not evaluated);
--   * 7 metrics x 3 periods, mixed; targets spread so that about half the goals complete;
--   * some goals clipped: start_date in May (monthly and weekly windows shortened), end_date 2026-05-31;
--   * 20 videos per creator over May, a few with no stats yet (null), 1 in 20 discovered late (after the
--     close, before the final), so close and final differ;
--   * a scrape every 3 days per creator, some failed, some without a follower count; every 10th creator not
--     scraped for 2.5 days (overdue) and every 10th + 1 for 1.3 days (turning stale); every 97th never scraped.

\set creators '(' :goals ' + 1) / 2'

INSERT INTO organizations (id, name, timezone)
SELECT md5('bench-org-' || o)::uuid, 'bench org ' || o,
       (ARRAY['America/Chicago', 'America/Winnipeg', 'America/Matamoros', 'America/Menominee'])[o]
FROM generate_series(1, 4) o;

INSERT INTO projects (id, org_id, name)
SELECT md5('bench-project-' || p)::uuid, md5('bench-org-' || (1 + p % 4))::uuid, 'bench project ' || p
FROM generate_series(0, 7) p;

INSERT INTO creators (id, project_id, tiktok_handle, display_name, is_active)
SELECT md5('bench-creator-' || i)::uuid, md5('bench-project-' || i % 8)::uuid, 'creator' || i, 'Creator ' || i,
       i % 200 <> 0
FROM generate_series(1, :creators) i;

INSERT INTO creator_goals (id, creator_id, project_id, metric, period, target_value, start_date, end_date,
                           is_active, created_at)
SELECT md5('bench-goal-' || g)::uuid, md5('bench-creator-' || (1 + g / 2))::uuid,
       md5('bench-project-' || (1 + g / 2) % 8)::uuid,
       (ARRAY['posts', 'views', 'likes', 'comments', 'shares', 'engagement', 'followers'])[1 + g % 7],
       (ARRAY['daily', 'weekly', 'monthly'])[1 + (g / 7) % 3],
       -- per period and metric, targets around what a creator does (some far above, some below)
       CASE (ARRAY['posts', 'views', 'likes', 'comments', 'shares', 'engagement', 'followers'])[1 + g % 7]
           WHEN 'posts' THEN 1 + g % 23
           WHEN 'views' THEN 1 + (g * 37) % 60000
           WHEN 'likes' THEN 1 + (g * 31) % 6000
           WHEN 'comments' THEN 1 + (g * 29) % 600
           WHEN 'shares' THEN 1 + (g * 23) % 300
           WHEN 'engagement' THEN 1 + (g * 19) % 7000
           ELSE 1 + (g * 17) % 400
       END,
       CASE WHEN g % 20 = 3 THEN date '2026-05-10' + g % 20 END,
       CASE WHEN g % 30 = 7 THEN date '2026-05-31' END,
       true, timestamptz '2026-04-01T00:00:00Z' + (g % 1000) * interval '1 minute'
FROM generate_series(0, :goals - 1) g;

INSERT INTO videos (id, creator_id, posted_at, discovered_at, views, likes, comments, shares)
SELECT md5('bench-video-' || i || '-' || k)::uuid, md5('bench-creator-' || i)::uuid, posted,
       posted + CASE WHEN (i + k) % 20 = 0 THEN interval '40 hours' ELSE (1 + (i + k) % 11) * interval '1 hour' END,
       CASE WHEN (i + k) % 50 = 0 THEN NULL ELSE (i * 7 + k * 131) % 5000 END,
       CASE WHEN (i + k) % 50 = 0 THEN NULL ELSE (i * 3 + k * 17) % 500 END,
       (i + k * 7) % 50,
       (i + k * 3) % 20
FROM generate_series(1, :creators) i, generate_series(0, 19) k,
     LATERAL (SELECT timestamptz '2026-05-01T05:00:00Z' + (k * 37 + i % 37) * interval '1 hour'
                     + (i % 60) * interval '1 minute' AS posted) p;

INSERT INTO creator_scrapes (creator_id, scraped_at, succeeded, followers)
SELECT md5('bench-creator-' || i)::uuid,
       timestamptz '2026-06-01T05:00:00Z' - (k * 72 + i % 20) * interval '1 hour'
           - CASE i % 10 WHEN 0 THEN interval '60 hours' WHEN 1 THEN interval '31 hours' ELSE interval '0' END,
       NOT (k = 2 AND i % 7 = 0),
       CASE WHEN k = 4 AND i % 11 = 0 THEN NULL ELSE 1000 + i % 5000 + (12 - k) * (i % 41) - k * (i % 5) END
FROM generate_series(1, :creators) i, generate_series(-1, 11) k
WHERE i % 97 <> 0;

ANALYZE organizations;
ANALYZE projects;
ANALYZE creators;
ANALYZE creator_goals;
ANALYZE videos;
ANALYZE creator_scrapes;
