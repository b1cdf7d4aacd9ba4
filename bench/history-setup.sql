-- History at size, part 1 (bench/storage.sh): the organizations, projects, creators and goal terms that the
-- generated snapshot rows (bench/history-rows.sql) refer to. Reproducible (no random()); run with
-- psql -v goals=72000 on a migrated, empty database.
--
-- 4 organizations in Central time, 50 projects, :goals goals on :goals/2 creators (project = creator % 50),
-- a third each daily, weekly and monthly. No creator_goals rows: `serve` runs against this database and
-- must find nothing to evaluate, so the creators are inactive too.

INSERT INTO organizations (id, name, timezone)
SELECT md5('hist-org-' || o)::uuid, 'history org ' || o,
       (ARRAY['America/Chicago', 'America/Winnipeg', 'America/Matamoros', 'America/Menominee'])[o]
FROM generate_series(1, 4) o;

INSERT INTO projects (id, org_id, name)
SELECT md5('hist-project-' || p)::uuid, md5('hist-org-' || (1 + p % 4))::uuid, 'history project ' || p
FROM generate_series(0, 49) p;

INSERT INTO creators (id, project_id, tiktok_handle, display_name, is_active)
SELECT md5('hist-creator-' || i)::uuid, md5('hist-project-' || i % 50)::uuid, 'hcreator' || i, 'Creator ' || i, false
FROM generate_series(0, (:goals - 1) / 2) i;

-- as the job records them: one row per goal, numbered in goal order
INSERT INTO goal_compliance_goal_terms (goal_id, org_id, project_id, creator_id, target, metric, period)
SELECT md5('hist-goal-' || g)::uuid, md5('hist-org-' || (1 + (g / 2) % 50 % 4))::uuid,
       md5('hist-project-' || (g / 2) % 50)::uuid, md5('hist-creator-' || g / 2)::uuid, 1 + (g * 37) % 1000,
       (ARRAY['posts', 'views', 'likes', 'comments', 'shares', 'engagement', 'followers'])[1 + g % 7],
       (ARRAY['daily', 'weekly', 'monthly'])[1 + g % 3]
FROM generate_series(0, :goals - 1) g
ORDER BY 1;

ANALYZE organizations;
ANALYZE projects;
ANALYZE creators;
ANALYZE goal_compliance_goal_terms;
