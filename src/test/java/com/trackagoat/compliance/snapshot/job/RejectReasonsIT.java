package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.SourceData;
import com.trackagoat.compliance.support.TestDatabase;

/** Every reject reason of the spec, through the real job: a reject row with reason and detail, and the run goes on. */
class RejectReasonsIT {

    private static final String CHICAGO_ORG = "00000000-0000-4000-8000-00000000a000";
    private static final String CHICAGO_PROJECT = "00000000-0000-4000-8000-00000000a001";
    private static final String MARS_ORG = "00000000-0000-4000-8000-00000000a003";
    private static final String MARS_PROJECT = "00000000-0000-4000-8000-00000000a002";
    private static final String CREATOR = "00000000-0000-4000-8000-00000000c001";
    private static final String MARS_CREATOR = "00000000-0000-4000-8000-00000000c002";
    /** Tuesday 2026-06-02 00:00 in Chicago; the nightly of weekly and monthly goals. */
    private static final String CHICAGO_NIGHT = "2026-06-02T05:00:00Z";

    private static TestDatabase database;
    private static SourceData.Project chicago;
    private static SourceData.Creator creator;
    private static SourceData.Creator marsCreator;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated(RejectReasonsIT.class);
        SourceData source = SourceData.in(database);
        chicago = source.organization(CHICAGO_ORG, "America/Chicago").project(CHICAGO_PROJECT);
        creator = chicago.creator(CREATOR)
                .video(v -> v.postedAt("2026-06-01T12:00:00Z").discoveredAt("2026-06-01T13:00:00Z")
                        .counts(-5L, 1L, 1L, 1L));
        marsCreator = source.organization(MARS_ORG, "Mars/Olympus").project(MARS_PROJECT).creator(MARS_CREATOR);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void invalidTimezoneIsRejectedInTheNightlyAtEveryUtcMidnight() {
        UUID goal = marsCreator.goal(g -> g.period("daily"));
        assertThat(run("nightly", "2026-06-02T00:00:00Z")).isZero();
        assertRejected(goal, "nightly", "2026-06-02T00:00:00Z", "invalid_timezone", "Mars/Olympus");
    }

    @Test
    void eachReasonOfAChicagoGoalBecomesARejectRowAndTheRunGoesOn() {
        Map<String, UUID> goals = Map.of(
                "unknown_period", creator.goal(g -> g.period("hourly")),
                "invalid_date_range", creator.goal(g -> g.startDate("2026-06-10").endDate("2026-06-01")),
                "missing_creator", chicago.goalOf(UUID.randomUUID(), g -> { }),
                "invalid_target", creator.goal(g -> g.target(0)),
                "unknown_metric", creator.goal(g -> g.metric("saves").period("monthly").target(5)),
                // the creator's one video has negative views
                "invalid_data", creator.goal(g -> g.metric("views").target(100)));
        UUID healthy = creator.goal(g -> g.period("monthly").target(3));

        assertThat(run("nightly", CHICAGO_NIGHT)).isZero();

        goals.forEach((reason, goal) -> assertRejected(goal, "nightly", CHICAGO_NIGHT, reason, ""));
        assertThat(database.jdbc().queryForObject("""
                SELECT status FROM goal_compliance_snapshots WHERE goal_id = ? AND phase = 'nightly' AND as_of = ?::timestamptz
                """, String.class, healthy, CHICAGO_NIGHT)).isEqualTo("on_track");
        long read = database.jdbc().queryForObject("""
                SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'snapshotStep'
                ORDER BY STEP_EXECUTION_ID DESC LIMIT 1""", Long.class); // the whole step: partitions add up there
        long written = database.jdbc().queryForObject("""
                SELECT (SELECT count(*) FROM goal_compliance_snapshots WHERE as_of = ?::timestamptz AND phase = 'nightly')
                     + (SELECT count(*) FROM goal_compliance_rejects WHERE as_of = ?::timestamptz AND phase = 'nightly')
                """, Long.class, CHICAGO_NIGHT, CHICAGO_NIGHT);
        assertThat(read).as("goals read = snapshots + rejects").isEqualTo(written).isGreaterThanOrEqualTo(7);
    }

    @Test
    void invalidTargetOfAGoalThatClosesIsRejectedInTheClose() {
        UUID goal = creator.goal(g -> g.metric("likes").target(-3));
        assertThat(run("close", "2026-06-08T05:00:00Z")).isZero();
        assertRejected(goal, "close", "2026-06-08T05:00:00Z", "invalid_target", "-3");
    }

    private static int run(String phase, String asOf) {
        return Cli.run(database, "run", "--phase=" + phase, "--as-of=" + asOf).exitCode();
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
}
