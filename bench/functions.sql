-- Helpers of the set-based reference (bench/close-reference.sql): the advisory's number and text formats of
-- spec/compliance.md. Plain SQL functions, IMMUTABLE, so the planner inlines them into the statement.
-- Created in the bench database only (never by the application's migrations).

-- Hours rounded half up to one decimal, always with scale 1: tenths = floor((ms + 180000) / 360000).
CREATE OR REPLACE FUNCTION bench_hours(span interval) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT round(floor((extract(epoch FROM span) * 1000 + 180000) / 360000) / 10, 1)
$$;

-- The messages' {D}: whole days, else whole hours, else "less than an hour" (floors the exact duration).
CREATE OR REPLACE FUNCTION bench_spoken(span interval) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN extract(epoch FROM span) >= 86400 THEN
            floor(extract(epoch FROM span) / 86400)::text
            || CASE WHEN floor(extract(epoch FROM span) / 86400) = 1 THEN ' day' ELSE ' days' END
        WHEN extract(epoch FROM span) >= 3600 THEN
            floor(extract(epoch FROM span) / 3600)::text
            || CASE WHEN floor(extract(epoch FROM span) / 3600) = 1 THEN ' hour' ELSE ' hours' END
        ELSE 'less than an hour'
    END
$$;

-- An instant as the API prints it: UTC with milliseconds, 2026-05-25T04:59:59.999Z.
CREATE OR REPLACE FUNCTION bench_instant(t timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- The scrape_stale message for a latest successful scrape (null: never scraped) at as_of.
CREATE OR REPLACE FUNCTION bench_stale_message(last_scraped timestamptz, as_of timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN last_scraped IS NULL
        THEN 'Stats have never been scraped for this creator. '
             || 'Views, engagement, or follower counts may undercount until the first scrape runs.'
        ELSE 'Stats last scraped ' || bench_spoken(as_of - last_scraped) || ' ago. '
             || 'Views, engagement, or follower counts may undercount until the next scrape runs.'
    END
$$;
