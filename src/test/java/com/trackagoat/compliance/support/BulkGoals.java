package com.trackagoat.compliance.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reproducible bulk dataset made inside PostgreSQL: one organization in America/Chicago, {@code n} creators
 * with one goal each (mixed metrics and periods), five videos and a few scrapes per creator in May 2026.
 * Every goal closes at {@link #CLOSE_AT}, Monday 2026-06-01 00:00 in Chicago (the 1st: monthly goals too).
 */
public final class BulkGoals {

    public static final String CLOSE_AT = "2026-06-01T05:00:00Z";

    private BulkGoals() {
    }

    /** A database of its own for a test class, migrated by the command line and holding {@code n} bulk goals. */
    public static TestDatabase database(Class<?> testClass, int n) {
        TestDatabase database = TestDatabase.create(testClass);
        try {
            Cli.Result migrate = Cli.run(database, "migrate");
            if (migrate.exitCode() != 0) {
                throw new IllegalStateException("migrate exited " + migrate.exitCode() + ": " + migrate.err());
            }
            insert(database.jdbc(), n);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static void insert(JdbcTemplate jdbc, int n) {
        jdbc.update("INSERT INTO organizations VALUES ('00000000-0000-4000-8000-0000000000b0', 'bulk', 'America/Chicago')");
        jdbc.update("INSERT INTO projects VALUES ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000b0', 'bulk')");
        jdbc.update("""
                INSERT INTO creators (id, project_id, tiktok_handle)
                SELECT md5('c' || i)::uuid, '00000000-0000-4000-8000-0000000000b1', 'creator' || i
                FROM generate_series(1, ?) i
                """, n);
        jdbc.update("""
                INSERT INTO creator_goals (id, creator_id, project_id, metric, period, target_value, created_at)
                SELECT md5('g' || i)::uuid, md5('c' || i)::uuid, '00000000-0000-4000-8000-0000000000b1',
                       (ARRAY['posts', 'views', 'likes', 'engagement', 'followers'])[1 + i % 5],
                       (ARRAY['daily', 'weekly', 'monthly'])[1 + i % 3],
                       1 + (i % 7) * (CASE WHEN i % 5 = 0 THEN 1 ELSE 900 END), '2026-04-01T00:00:00Z'
                FROM generate_series(1, ?) i
                """, n);
        jdbc.update("""
                INSERT INTO videos (id, creator_id, posted_at, discovered_at, views, likes, comments, shares)
                SELECT md5('v' || i || '-' || j)::uuid, md5('c' || i)::uuid,
                       timestamptz '2026-05-31T04:00:00Z' - (j * 29 + i % 11) * interval '1 hour',
                       timestamptz '2026-05-31T04:00:00Z' - (j * 29 + i % 11) * interval '1 hour'
                           + (i % 13) * interval '9 hours',
                       100 * j + i % 997, 10 * j + i % 89, j + i % 7, i % 5
                FROM generate_series(1, ?) i, generate_series(0, 4) j
                """, n);
        jdbc.update("""
                INSERT INTO creator_scrapes (creator_id, scraped_at, succeeded, followers)
                SELECT md5('c' || i)::uuid, timestamptz '2026-06-01T04:00:00Z' - (k * 3 * 24 + i % 90) * interval '1 hour',
                       k <> 1, 1000 + i % 500 - k * (i % 40)
                FROM generate_series(1, ?) i, generate_series(0, 10) k
                """, n);
    }
}
