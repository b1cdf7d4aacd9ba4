package com.trackagoat.compliance.snapshot.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import com.trackagoat.compliance.evaluation.CreatorActivity;
import com.trackagoat.compliance.evaluation.Goal;
import com.trackagoat.compliance.evaluation.Scrape;
import com.trackagoat.compliance.evaluation.Video;

/**
 * The goals whose snapshots {@link InPlaceMigrationIT} migrates: every period, zones with DST (Chicago, Adelaide,
 * Havana's lost midnight), half- and quarter-hour offsets (Kolkata, Kathmandu), every freshness bucket, a goal
 * not yet started, one that ends mid-week, one edited (two terms), late videos (restatements and a restatement
 * reject) and goals rejected at every midnight. Scrapes and discoveries carry microseconds, as the source's do.
 */
final class MigrationGoals {

    /** Snapshots are taken at the local midnights of these days, up to {@link #NOW}. */
    static final LocalDate FIRST_DAY = LocalDate.parse("2026-02-16");
    static final LocalDate LAST_DAY = LocalDate.parse("2026-04-07");
    static final Instant NOW = Instant.parse("2026-04-07T12:00:00Z");

    /**
     * The Chicago midnight (a nightly, and the final of the week before) at which one creator's stale scrape is
     * 400 µs younger than 30 h 03 min: see {@link #boundary()}.
     */
    static final Instant BOUNDARY_AS_OF = Instant.parse("2026-03-11T05:00:00Z");

    private static final Instant CREATED = Instant.parse("2026-01-15T00:00:00Z");

    /** One goal of one organization's project, with its creator's activity; {@code versions} by valid-from. */
    record GoalCase(String name, String timezone, UUID orgId, UUID projectId, CreatorActivity activity,
                    NavigableMap<Instant, Goal> versions) {

        Goal goalAt(Instant asOf) {
            return versions.floorEntry(asOf).getValue();
        }

        UUID goalId() {
            return versions.firstEntry().getValue().id();
        }
    }

    private MigrationGoals() {
    }

    static List<GoalCase> all() {
        CreatorActivity fresh = fresh("2026-02-01T03:17:42.123456Z");
        List<GoalCase> goals = new ArrayList<>();
        goals.add(one("chicago-weekly-posts", "America/Chicago", fresh, "posts", "weekly", 5));
        goals.add(one("chicago-monthly-views", "America/Chicago", irregular(), "views", "monthly", 60_000));
        goals.add(one("chicago-daily-likes", "America/Chicago", negativeLateLikes(), "likes", "daily", 400));
        goals.add(one("kolkata-weekly-engagement", "Asia/Kolkata", neverScraped(), "engagement", "weekly", 3_000));
        goals.add(one("kolkata-monthly-posts-from-0310", "Asia/Kolkata", fresh, "posts", "monthly", 20,
                "2026-03-10", null));
        goals.add(one("kathmandu-weekly-shares-until-0311", "Asia/Kathmandu", stoppedScraping(), "shares", "weekly",
                100, null, "2026-03-11"));
        goals.add(one("kathmandu-monthly-followers", "Asia/Kathmandu", fresh, "followers", "monthly", 500));
        goals.add(one("adelaide-weekly-comments", "Australia/Adelaide", irregular(), "comments", "weekly", 60));
        goals.add(one("havana-daily-posts", "America/Havana", neverScraped(), "posts", "daily", 1));
        goals.add(one("utc-weekly-posts-late", "UTC", latePosts(), "posts", "weekly", 3));
        goals.add(one("chicago-weekly-posts-boundary", "America/Chicago", boundary(), "posts", "weekly", 2));
        goals.add(edited());
        goals.add(rejected("mars-weekly-posts", "Mars/Olympus_Mons", 5L));
        goals.add(rejected("chicago-weekly-target-zero", "America/Chicago", 0L));
        return goals;
    }

    private static GoalCase one(String name, String timezone, CreatorActivity activity, String metric, String period,
                                long target) {
        return one(name, timezone, activity, metric, period, target, null, null);
    }

    private static GoalCase one(String name, String timezone, CreatorActivity activity, String metric, String period,
                                long target, String startDate, String endDate) {
        Goal goal = new Goal(id("goal", name), id("creator", name), id("project", timezone), metric, period, target,
                date(startDate), date(endDate), true, CREATED);
        return new GoalCase(name, timezone, id("org", timezone), goal.projectId(), activity,
                new TreeMap<>(Map.of(Instant.EPOCH, goal)));
    }

    /** A Kolkata views goal whose target went from 5,000 to 8,000 on 2026-03-09: two terms for one goal. */
    private static GoalCase edited() {
        GoalCase before = one("kolkata-weekly-views-edited", "Asia/Kolkata", fresh("2026-02-01T01:02:03.040506Z"),
                "views", "weekly", 5_000);
        Goal goal = before.goalAt(Instant.EPOCH);
        Goal raised = new Goal(goal.id(), goal.creatorId(), goal.projectId(), goal.metric(), goal.period(), 8_000L,
                null, null, true, CREATED);
        NavigableMap<Instant, Goal> versions = new TreeMap<>(before.versions());
        versions.put(Instant.parse("2026-03-09T06:30:00Z"), raised);
        return new GoalCase(before.name(), before.timezone(), before.orgId(), before.projectId(), before.activity(),
                versions);
    }

    /** Created late in the range, so that it is rejected at a dozen midnights rather than fifty. */
    private static GoalCase rejected(String name, String timezone, long target) {
        Goal goal = new Goal(id("goal", name), id("creator", name), id("project", timezone), "posts", "weekly", target,
                null, null, true, Instant.parse("2026-03-26T00:00:00Z"));
        return new GoalCase(name, timezone, id("org", timezone), goal.projectId(), CreatorActivity.NONE,
                new TreeMap<>(Map.of(Instant.EPOCH, goal)));
    }

    /** Scraped every 6 h: always fresh. A post a day, found 2 h later; one found 9 days late (a restatement). */
    private static CreatorActivity fresh(String firstScrape) {
        List<Video> videos = daily("2026-02-01T14:05:09.250311Z", 1, Duration.ofHours(2));
        videos.add(video("2026-03-18T16:00:00.500001Z", "2026-03-27T09:00:00.750002Z", 700));
        return new CreatorActivity(videos, scrapes(firstScrape, Duration.ofHours(6), "2026-04-08T00:00:00Z"));
    }

    /** Scraped every 77 h: fresh, turning stale and overdue in turn. */
    private static CreatorActivity irregular() {
        return new CreatorActivity(daily("2026-02-02T18:30:11.500123Z", 2, Duration.ofHours(5)),
                scrapes("2026-02-10T09:41:05.654321Z", Duration.ofHours(77), "2026-04-08T00:00:00Z"));
    }

    /** Only failed scrapes: never scraped. */
    private static CreatorActivity neverScraped() {
        List<Scrape> failed = new ArrayList<>();
        for (Scrape s : scrapes("2026-02-01T05:55:55.555555Z", Duration.ofHours(24), "2026-04-08T00:00:00Z")) {
            failed.add(new Scrape(s.scrapedAt(), false, null));
        }
        return new CreatorActivity(daily("2026-02-03T09:10:11.121314Z", 3, Duration.ofMinutes(90)), failed);
    }

    /** Scraped every 12 h until 2026-03-01, then never again: overdue by days. */
    private static CreatorActivity stoppedScraping() {
        return new CreatorActivity(daily("2026-02-01T20:20:20.202020Z", 1, Duration.ofHours(3)),
                scrapes("2026-02-01T07:08:09.101112Z", Duration.ofHours(12), "2026-03-01T00:00:00Z"));
    }

    /** Daily likes, and a video with negative likes found after its day's final: the restatement rejects it. */
    private static CreatorActivity negativeLateLikes() {
        List<Video> videos = daily("2026-02-01T15:16:17.181920Z", 1, Duration.ofHours(1));
        videos.add(new Video(Instant.parse("2026-03-03T18:00:00.123456Z"), Instant.parse("2026-03-07T12:00:00.654321Z"),
                10L, -5L, 0L, 0L));
        return new CreatorActivity(videos, scrapes("2026-02-01T02:03:04.050607Z", Duration.ofHours(6),
                "2026-04-08T00:00:00Z"));
    }

    /** A post every 4 days, and two more of the week of 2026-02-23 found after its final: missed becomes completed. */
    private static CreatorActivity latePosts() {
        List<Video> videos = daily("2026-02-02T10:11:12.131415Z", 4, Duration.ofHours(4));
        videos.add(video("2026-02-27T08:00:00.000001Z", "2026-03-07T10:00:00.500001Z", 1));
        videos.add(video("2026-02-28T08:00:00.000001Z", "2026-03-07T10:00:00.500001Z", 1));
        return new CreatorActivity(videos, scrapes("2026-02-01T00:30:30.303030Z", Duration.ofHours(8),
                "2026-04-08T00:00:00Z"));
    }

    /**
     * First scraped 30 h 03 min minus 400 µs before {@link #BOUNDARY_AS_OF}, then 2 h after it. The old advisory
     * prints that scrape to the millisecond, 400 µs early: its age from the printed time is 30 h 03 min exactly,
     * 30.1 h, where the evaluator's age (30 h 02 min 59.9996 s) rounds to 30.0 h. The migration cannot rebuild
     * that advisory from the printed time, so it must keep it as it was.
     */
    private static CreatorActivity boundary() {
        Instant first = BOUNDARY_AS_OF.minus(Duration.ofHours(30).plusMinutes(3)).plusNanos(400_000);
        Instant second = BOUNDARY_AS_OF.plus(Duration.ofHours(2)).plusNanos(17_500_000);
        return new CreatorActivity(daily("2026-02-04T12:13:14.151617Z", 3, Duration.ofHours(6)),
                List.of(new Scrape(first, true, 40L), new Scrape(second, true, 41L)));
    }

    /** A video every {@code everyDays} days from {@code first} until the range ends, found {@code lag} later. */
    private static List<Video> daily(String first, int everyDays, Duration lag) {
        List<Video> videos = new ArrayList<>();
        Instant posted = Instant.parse(first);
        for (int i = 0; posted.isBefore(NOW); i++) {
            videos.add(new Video(posted, posted.plus(lag), 1_500L + 37L * i, 120L + i, 10L + i % 7, 3L + i % 5));
            posted = posted.plus(Duration.ofDays(everyDays));
        }
        return videos;
    }

    private static LocalDate date(String date) {
        return date == null ? null : LocalDate.parse(date);
    }

    private static Video video(String postedAt, String discoveredAt, long views) {
        return new Video(Instant.parse(postedAt), Instant.parse(discoveredAt), views, 11L, 2L, 1L);
    }

    private static List<Scrape> scrapes(String first, Duration every, String until) {
        List<Scrape> scrapes = new ArrayList<>();
        long followers = 1_000;
        for (Instant at = Instant.parse(first); at.isBefore(Instant.parse(until)); at = at.plus(every)) {
            scrapes.add(new Scrape(at, true, followers));
            followers += 7;
        }
        return scrapes;
    }

    private static UUID id(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
