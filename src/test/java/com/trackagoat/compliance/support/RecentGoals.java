package com.trackagoat.compliance.support;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reproducible dataset whose periods end in the last few days, for {@code serve}, which works relative to
 * now: one organization per time zone, {@code perZone} creators each with one daily, weekly or monthly goal,
 * videos every few hours over the past 40 days and a scrape every 3 days.
 */
public final class RecentGoals {

    private RecentGoals() {
    }

    /** The hour the data of a test is laid out around: give every database of one test the same. */
    public static Instant anchor() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS);
    }

    /** Two migrated databases of the test class with the same data: one to serve, one for a reference run. */
    public static TestDatabase[] twoDatabases(Class<?> testClass, int perZone, String... zones) {
        Instant anchor = anchor();
        TestDatabase[] databases = {TestDatabase.create(testClass), TestDatabase.create(testClass)};
        for (TestDatabase db : databases) {
            if (Cli.run(db, "migrate").exitCode() != 0) {
                throw new IllegalStateException("migrate failed on " + db.name());
            }
            insert(db.jdbc(), anchor, perZone, zones);
        }
        return databases;
    }

    public static void insert(JdbcTemplate jdbc, Instant anchor, int perZone, String... zones) {
        Timestamp now = Timestamp.from(anchor);
        for (int z = 0; z < zones.length; z++) {
            String org = String.format("00000000-0000-4000-8000-%012d", 100 + z);
            String project = String.format("00000000-0000-4000-8000-%012d", 200 + z);
            jdbc.update("INSERT INTO organizations VALUES (?::uuid, ?, ?)", org, "org " + zones[z], zones[z]);
            jdbc.update("INSERT INTO projects VALUES (?::uuid, ?::uuid, 'recent')", project, org);
            jdbc.update("""
                    INSERT INTO creators (id, project_id, tiktok_handle)
                    SELECT md5(? || 'c' || i)::uuid, ?::uuid, 'creator' || i FROM generate_series(1, ?) i
                    """, zones[z], project, perZone);
            jdbc.update("""
                    INSERT INTO creator_goals (id, creator_id, project_id, metric, period, target_value, created_at)
                    SELECT md5(? || 'g' || i)::uuid, md5(? || 'c' || i)::uuid, ?::uuid,
                           (ARRAY['posts', 'views', 'likes', 'engagement', 'followers'])[1 + i % 5],
                           (ARRAY['daily', 'weekly', 'monthly'])[1 + i % 3],
                           1 + (i % 7) * (CASE WHEN i % 5 = 0 THEN 1 ELSE 900 END), ?::timestamptz - interval '60 days'
                    FROM generate_series(1, ?) i
                    """, zones[z], zones[z], project, now, perZone);
            jdbc.update("""
                    INSERT INTO videos (id, creator_id, posted_at, discovered_at, views, likes, comments, shares)
                    SELECT md5(? || 'v' || i || '-' || j)::uuid, md5(? || 'c' || i)::uuid,
                           ?::timestamptz - (j * 29 + i % 11) * interval '1 hour',
                           ?::timestamptz - (j * 29 + i % 11) * interval '1 hour' + (i % 13) * interval '5 hours',
                           100 * j + i % 997, 10 * j + i % 89, j + i % 7, i % 5
                    FROM generate_series(1, ?) i, generate_series(0, 32) j
                    """, zones[z], zones[z], now, now, perZone);
            jdbc.update("""
                    INSERT INTO creator_scrapes (creator_id, scraped_at, succeeded, followers)
                    SELECT md5(? || 'c' || i)::uuid, ?::timestamptz - (k * 3 * 24 + i % 90) * interval '1 hour',
                           k <> 1, 1000 + i % 500 - k * (i % 40)
                    FROM generate_series(1, ?) i, generate_series(0, 14) k
                    """, zones[z], now, perZone);
        }
    }

    /**
     * The setting of a look-back whose window starts 7.5 minutes after a quarter hour about {@code approximately} ago, so that
     * no due instant (always a quarter hour) lies near the start of a catch-up begun in the next minutes.
     */
    public static String lookBackSetting(Duration approximately) {
        return "--goal-compliance.catch-up.look-back=" + lookBackBetweenQuarterHours(approximately);
    }

    static Duration lookBackBetweenQuarterHours(Duration approximately) {
        Instant now = Instant.now();
        Instant start = now.minus(approximately).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofSeconds(450));
        return Duration.between(start, now);
    }
}
