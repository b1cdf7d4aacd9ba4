package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.SourceData;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * Counters near the 64-bit limits through the real nightly job: a sum or follower gain past the range is an
 * {@code invalid_data} reject of its own goal and the run goes on; and over random extreme data, the job's
 * per-window SQL tally gives every goal exactly what the live report (which reads the raw videos) gives it.
 */
class OverflowIT {

    private static final String ORG = "00000000-0000-4000-8000-00000000b000";
    private static final String PROJECT = "00000000-0000-4000-8000-00000000b001";
    /** Tuesday 2026-06-02 00:00 in Chicago: the nightly of the week of Monday 2026-06-01 05:00Z. */
    private static final String NIGHT = "2026-06-02T05:00:00Z";
    /** The next night, for the random data (each test runs its own job instance). */
    private static final String NEXT_NIGHT = "2026-06-03T05:00:00Z";
    private static final List<String> METRICS = List.of("posts", "views", "likes", "comments", "shares", "engagement",
            "followers");
    private static final long[] EXTREMES = {Long.MAX_VALUE, Long.MIN_VALUE, 1L << 62, (1L << 62) - 1,
            Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 3 + 1, -1, 0, 1};
    private static final int RANDOM_CREATORS = 60;

    private static TestDatabase database;
    private static SourceData.Project project;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated(OverflowIT.class);
        project = SourceData.in(database).organization(ORG, "America/Chicago").project(PROJECT);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void sumsAndGainsPastTheRangeAreInvalidDataAndTheRunGoesOn() {
        // given two videos with the largest views there are, one with likes = comments = shares = 2^62,
        // followers from -MAX to MAX, and a creator whose numbers are fine
        SourceData.Creator viewsCreator = creator();
        video(viewsCreator, "2026-06-01T12:00:00Z", Long.MAX_VALUE, 0L, 0L, 0L);
        video(viewsCreator, "2026-06-01T13:00:00Z", Long.MAX_VALUE, 0L, 0L, 0L);
        SourceData.Creator engagementCreator = creator();
        video(engagementCreator, "2026-06-01T12:00:00Z", 1L, 1L << 62, 1L << 62, 1L << 62);
        SourceData.Creator followersCreator = creator();
        scrape(followersCreator, "2026-05-31T00:00:00Z", -Long.MAX_VALUE);
        scrape(followersCreator, "2026-06-01T12:00:00Z", Long.MAX_VALUE);
        SourceData.Creator healthyCreator = creator();
        video(healthyCreator, "2026-06-01T12:00:00Z", 40L, 2L, 1L, 0L);
        UUID views = goal(viewsCreator, "views", 100);
        UUID viewsPosts = goal(viewsCreator, "posts", 2);
        UUID engagement = goal(engagementCreator, "engagement", 100);
        UUID likes = goal(engagementCreator, "likes", 100);
        UUID followers = goal(followersCreator, "followers", 100);
        UUID healthy = goal(healthyCreator, "views", 80);

        // when
        Cli.Result run = Cli.run(database, "run", "--phase=nightly", "--as-of=" + NIGHT);

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertRejected(views, "views of the counted videos sum past the 64-bit range");
        assertRejected(engagement, "likes + comments + shares of the counted videos sum past the 64-bit range");
        assertRejected(followers, "the follower gain of the window is past the 64-bit range");
        assertSnapshot(viewsPosts, 2, 100, "on_track");
        assertSnapshot(likes, 1L << 62, Integer.MAX_VALUE, "on_track");
        assertSnapshot(healthy, 40, 50, "on_track");
    }

    @Test
    void theJobsSqlTallyAndTheReportsRawVideosAgreeOnEveryGoal() {
        // given random creators with extreme counters, some videos outside the week or discovered too late
        SplittableRandom random = new SplittableRandom(20260602);
        Map<UUID, UUID> creatorOfGoal = new HashMap<>();
        for (int i = 0; i < RANDOM_CREATORS; i++) {
            SourceData.Creator creator = creator();
            for (int v = random.nextInt(5); v > 0; v--) {
                String posted = random.nextInt(5) == 0 ? "2026-05-31T12:00:00Z" : "2026-06-01T1" + v + ":00:00Z";
                String discovered = random.nextInt(6) == 0 ? "2026-06-03T06:00:00Z" : posted;
                video(creator, posted, discovered, counter(random), counter(random), counter(random),
                        counter(random));
            }
            for (int s = random.nextInt(4); s > 0; s--) {
                scrape(creator, "2026-05-2" + (6 + s) + "T12:00:00Z", counter(random));
                scrape(creator, "2026-06-01T1" + s + ":00:00Z", counter(random));
            }
            for (String metric : METRICS) {
                creatorOfGoal.put(goal(creator, metric, 1 + random.nextLong(Long.MAX_VALUE - 1)), creator.id());
            }
        }

        // when the job tallies in SQL and the report evaluates the raw rows at the same instant
        Cli.Result run = Cli.run(database, "run", "--phase=nightly", "--as-of=" + NEXT_NIGHT);
        Cli.Result report = Cli.run(database, "report", "--project=" + PROJECT, "--as-of=" + NEXT_NIGHT);

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report.exitCode()).as(report.err()).isZero();
        Map<String, String> live = liveOutcomes(Dataset.JSON.readTree(report.out()));
        Map<String, String> job = jobOutcomes(NEXT_NIGHT);
        creatorOfGoal.keySet().forEach(goal -> assertThat(job.get(goal.toString()))
                .as("goal %s of creator %s: job (SQL tally) vs report (raw videos)", goal, creatorOfGoal.get(goal))
                .isNotNull()
                .isEqualTo(live.get(goal.toString())));
        assertThat(job.values()).as("the data reaches both outcomes")
                .anyMatch(o -> o.contains("64-bit")).anyMatch(o -> o.contains("negative"))
                .anyMatch(o -> o.startsWith("snapshot"));
    }

    private static Long counter(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1, 2, 3 -> EXTREMES[random.nextInt(EXTREMES.length)];
            case 4, 5 -> random.nextLong(1_000_000);
            default -> random.nextLong(Long.MAX_VALUE / 4, Long.MAX_VALUE);
        };
    }

    /** Each goal's outcome as one comparable line: "snapshot actual percentage status" or "reject reason: detail". */
    private static Map<String, String> liveOutcomes(JsonNode body) {
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode creator : body.get("data")) {
            for (JsonNode c : creator.get("compliance")) {
                outcomes.put(c.at("/goal/id").asString(), "snapshot " + c.get("actual").asLong() + " "
                        + c.get("percentage").asInt() + " " + c.get("status").asString());
            }
        }
        for (JsonNode r : body.at("/meta/rejected")) {
            outcomes.put(r.get("goal_id").asString(), "reject " + r.get("reason").asString() + ": "
                    + r.get("detail").asString());
        }
        return outcomes;
    }

    private static Map<String, String> jobOutcomes(String asOf) {
        Map<String, String> outcomes = new HashMap<>();
        database.jdbc().query("""
                SELECT goal_id::text, actual, percentage, status FROM goal_compliance_snapshots
                WHERE phase = 'nightly' AND as_of = ?::timestamptz""", rs -> {
            outcomes.put(rs.getString(1), "snapshot " + rs.getLong(2) + " " + rs.getInt(3) + " " + rs.getString(4));
        }, asOf);
        database.jdbc().query("""
                SELECT goal_id::text, reason, detail FROM goal_compliance_rejects
                WHERE phase = 'nightly' AND as_of = ?::timestamptz""", rs -> {
            outcomes.put(rs.getString(1), "reject " + rs.getString(2) + ": " + rs.getString(3));
        }, asOf);
        return outcomes;
    }

    private static void assertRejected(UUID goal, String detail) {
        Map<String, Object> row = database.jdbc().queryForMap("""
                SELECT reason, detail FROM goal_compliance_rejects
                WHERE goal_id = ? AND phase = 'nightly' AND as_of = ?::timestamptz""", goal, NIGHT);
        assertThat(row).as("reject row of goal %s", goal)
                .containsEntry("reason", "invalid_data").containsEntry("detail", detail);
    }

    private static void assertSnapshot(UUID goal, long actual, int percentage, String status) {
        Map<String, Object> row = database.jdbc().queryForMap("""
                SELECT actual, percentage, status FROM goal_compliance_snapshots
                WHERE goal_id = ? AND phase = 'nightly' AND as_of = ?::timestamptz""", goal, NIGHT);
        assertThat(row).as("snapshot of goal %s", goal).containsEntry("actual", actual)
                .containsEntry("percentage", percentage).containsEntry("status", status);
    }

    private static SourceData.Creator creator() {
        return project.creator();
    }

    private static UUID goal(SourceData.Creator creator, String metric, long target) {
        return creator.goal(g -> g.metric(metric).target(target));
    }

    private static void video(SourceData.Creator creator, String postedAt, Long views, Long likes, Long comments,
                              Long shares) {
        video(creator, postedAt, postedAt, views, likes, comments, shares);
    }

    private static void video(SourceData.Creator creator, String postedAt, String discoveredAt, Long views, Long likes,
                              Long comments, Long shares) {
        creator.video(v -> v.postedAt(postedAt).discoveredAt(discoveredAt).counts(views, likes, comments, shares));
    }

    private static void scrape(SourceData.Creator creator, String scrapedAt, Long followers) {
        creator.scrape(scrapedAt, followers);
    }
}
