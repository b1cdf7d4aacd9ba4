package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TestDatabase;

/** Every reject reason of the spec, through the real job: a reject row with reason and detail, and the run goes on. */
class RejectReasonsIT {

    private static final String CHICAGO_ORG = "00000000-0000-4000-8000-00000000a000";
    private static final String CHICAGO_PROJECT = "00000000-0000-4000-8000-00000000a001";
    private static final String MARS_PROJECT = "00000000-0000-4000-8000-00000000a002";
    private static final String CREATOR = "00000000-0000-4000-8000-00000000c001";
    private static final String MARS_CREATOR = "00000000-0000-4000-8000-00000000c002";
    /** Tuesday 2026-06-02 00:00 in Chicago; the nightly of weekly and monthly goals. */
    private static final String CHICAGO_NIGHT = "2026-06-02T05:00:00Z";

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(RejectReasonsIT.class);
        assertThat(Cli.run(database, "migrate").exitCode()).isZero();
        database.jdbc().update("INSERT INTO organizations VALUES (?::uuid, 'chicago', 'America/Chicago'), "
                + "('00000000-0000-4000-8000-00000000a003', 'mars', 'Mars/Olympus')", CHICAGO_ORG);
        database.jdbc().update("INSERT INTO projects VALUES (?::uuid, ?::uuid, 'p'), "
                + "(?::uuid, '00000000-0000-4000-8000-00000000a003', 'm')", CHICAGO_PROJECT, CHICAGO_ORG, MARS_PROJECT);
        database.jdbc().update("INSERT INTO creators (id, project_id, tiktok_handle) VALUES (?::uuid, ?::uuid, 'c'), "
                + "(?::uuid, ?::uuid, 'm')", CREATOR, CHICAGO_PROJECT, MARS_CREATOR, MARS_PROJECT);
        database.jdbc().update("""
                INSERT INTO videos (id, creator_id, posted_at, discovered_at, views, likes, comments, shares)
                VALUES (gen_random_uuid(), ?::uuid, '2026-06-01T12:00:00Z', '2026-06-01T13:00:00Z', -5, 1, 1, 1)
                """, CREATOR);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void invalidTimezoneIsRejectedInTheNightlyAtEveryUtcMidnight() {
        UUID goal = goal(MARS_CREATOR, MARS_PROJECT, "posts", "daily", 1L, null, null);
        assertThat(run("nightly", "2026-06-02T00:00:00Z")).isZero();
        assertRejected(goal, "nightly", "2026-06-02T00:00:00Z", "invalid_timezone", "Mars/Olympus");
    }

    @Test
    void eachReasonOfAChicagoGoalBecomesARejectRowAndTheRunGoesOn() {
        Map<String, UUID> goals = Map.of(
                "unknown_period", goal(CREATOR, CHICAGO_PROJECT, "posts", "hourly", 1L, null, null),
                "invalid_date_range", goal(CREATOR, CHICAGO_PROJECT, "posts", "weekly", 1L, "2026-06-10", "2026-06-01"),
                "missing_creator", goal(UUID.randomUUID().toString(), CHICAGO_PROJECT, "posts", "weekly", 1L, null, null),
                "invalid_target", goal(CREATOR, CHICAGO_PROJECT, "posts", "weekly", 0L, null, null),
                "unknown_metric", goal(CREATOR, CHICAGO_PROJECT, "saves", "monthly", 5L, null, null),
                "invalid_data", goal(CREATOR, CHICAGO_PROJECT, "views", "weekly", 100L, null, null));
        UUID healthy = goal(CREATOR, CHICAGO_PROJECT, "posts", "monthly", 3L, null, null);

        assertThat(run("nightly", CHICAGO_NIGHT)).isZero();

        goals.forEach((reason, goal) -> assertRejected(goal, "nightly", CHICAGO_NIGHT, reason, ""));
        assertThat(database.jdbc().queryForObject("""
                SELECT status FROM goal_compliance_snapshots WHERE goal_id = ? AND phase = 'nightly' AND as_of = ?::timestamptz
                """, String.class, healthy, CHICAGO_NIGHT)).isEqualTo("on_track");
        long read = database.jdbc().queryForObject("""
                SELECT READ_COUNT FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID DESC LIMIT 1""", Long.class);
        long written = database.jdbc().queryForObject("""
                SELECT (SELECT count(*) FROM goal_compliance_snapshots WHERE as_of = ?::timestamptz AND phase = 'nightly')
                     + (SELECT count(*) FROM goal_compliance_rejects WHERE as_of = ?::timestamptz AND phase = 'nightly')
                """, Long.class, CHICAGO_NIGHT, CHICAGO_NIGHT);
        assertThat(read).as("goals read = snapshots + rejects").isEqualTo(written).isGreaterThanOrEqualTo(7);
    }

    @Test
    void invalidTargetOfAGoalThatClosesIsRejectedInTheClose() {
        UUID goal = goal(CREATOR, CHICAGO_PROJECT, "likes", "weekly", -3L, null, null);
        assertThat(run("close", "2026-06-08T05:00:00Z")).isZero();
        assertRejected(goal, "close", "2026-06-08T05:00:00Z", "invalid_target", "-3");
    }

    private static int run(String phase, String asOf) {
        // one step: the goals read are that step's read count
        return Cli.run(database, "run", "--phase=" + phase, "--as-of=" + asOf, "--goal-compliance.partitions=1")
                .exitCode();
    }

    private static void assertRejected(UUID goal, String phase, String asOf, String reason, String detailMentions) {
        Map<String, Object> row = database.jdbc().queryForMap("""
                SELECT reason, detail FROM goal_compliance_rejects WHERE goal_id = ? AND phase = ? AND as_of = ?::timestamptz
                """, goal, phase, asOf);
        assertThat(row.get("reason")).as("reason of %s", goal).isEqualTo(reason);
        assertThat((String) row.get("detail")).isNotBlank().contains(detailMentions);
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM goal_compliance_snapshots WHERE goal_id = ?",
                Long.class, goal)).isZero();
    }

    private static UUID goal(String creator, String project, String metric, String period, Long target,
                             String startDate, String endDate) {
        UUID id = UUID.randomUUID();
        database.jdbc().update("""
                INSERT INTO creator_goals (id, creator_id, project_id, metric, period, target_value, start_date, end_date,
                                           is_active, created_at)
                VALUES (?, ?::uuid, ?::uuid, ?, ?, ?, ?::date, ?::date, true, '2026-05-01T00:00:00Z')
                """, id, creator, project, metric, period, target, startDate, endDate);
        return id;
    }
}
