-- Covering indexes for the snapshot jobs' per-chunk aggregates (bench/README.md). With the counters and
-- discovered_at in the index, a window's video tally is an index-only scan: no heap page per video (on
-- pages the visibility map marks all-visible, i.e. once autovacuum has passed). The same for the latest
-- successful scrape and its follower count. Each replaces the index with the same key, which it also serves.

CREATE INDEX videos_creator_posted_covering_idx ON videos (creator_id, posted_at)
    INCLUDE (discovered_at, views, likes, comments, shares);
DROP INDEX videos_creator_posted_idx;

CREATE INDEX creator_scrapes_succeeded_covering_idx ON creator_scrapes (creator_id, scraped_at)
    INCLUDE (followers) WHERE succeeded;
DROP INDEX creator_scrapes_succeeded_idx;
