package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.SourceData;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A bad row fails only its own goal, through the real final job: a goal whose evaluation throws becomes an
 * {@code evaluation_failed} reject and every other goal is settled; a database failure still fails the job,
 * which then resumes.
 */
class EvaluationFailureIT {

    private static final String ORG = "00000000-0000-4000-8000-00000000d000";
    private static final String PROJECT = "00000000-0000-4000-8000-00000000d001";
    private static final int GOALS = 5;

    private static TestDatabase database;
    private static SourceData.Project project;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated(EvaluationFailureIT.class);
        project = SourceData.in(database).organization(ORG, "America/Chicago").project(PROJECT);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void aGoalWhoseEvaluationThrowsIsAnEvaluationFailedRejectAndTheOthersAreSettled() {
        // given weekly goals closed on Monday 2026-06-08, one of whose close rows' target was later zeroed by hand:
        // settling it divides by its target
        List<UUID> goals = closedGoals("2026-06-01T12:00:00Z", "2026-06-08T05:00:00Z");
        UUID broken = goals.get(2);
        database.jdbc().update("UPDATE goal_compliance_goal_terms SET target = 0 WHERE goal_id = ?", broken);

        // when
        Cli.Result run = Cli.run(database, "run", "--phase=final", "--as-of=2026-06-10T05:00:00Z");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> reject = database.jdbc().queryForMap("""
                SELECT reason, detail FROM goal_compliance_rejects
                WHERE goal_id = ? AND phase = 'final' AND as_of = '2026-06-10T05:00:00Z'""", broken);
        assertThat(reject.get("reason")).as("reason of goal %s", broken).isEqualTo("evaluation_failed");
        assertThat((String) reject.get("detail")).as("detail of goal %s", broken)
                .startsWith("evaluation failed: java.lang.ArithmeticException");
        for (UUID goal : goals) {
            assertThat(finals(goal, "2026-06-10T05:00:00Z")).as("final rows of goal %s", goal)
                    .isEqualTo(goal.equals(broken) ? 0 : 1);
        }
        assertThat(lastJobStatus()).isEqualTo("COMPLETED");
        long read = database.jdbc().queryForObject("""
                SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'snapshotStep'
                ORDER BY STEP_EXECUTION_ID DESC LIMIT 1""", Long.class); // the whole step: partitions add up there
        long written = database.jdbc().queryForObject("""
                SELECT (SELECT count(*) FROM goal_compliance_snapshots WHERE phase = 'final' AND as_of = ?::timestamptz)
                     + (SELECT count(*) FROM goal_compliance_rejects WHERE phase = 'final' AND as_of = ?::timestamptz)
                """, Long.class, "2026-06-10T05:00:00Z", "2026-06-10T05:00:00Z");
        assertThat(read).as("goals read = snapshots + rejects").isEqualTo(written).isGreaterThanOrEqualTo(GOALS);
    }

    @Test
    void aDatabaseFailureStillFailsTheJobAndTheRestartSettlesEveryGoal() {
        // given goals closed on Monday 2026-06-15, and a database that refuses the final row of one of them
        List<UUID> goals = closedGoals("2026-06-08T12:00:00Z", "2026-06-15T05:00:00Z");
        UUID refused = goals.get(3);
        database.jdbc().execute("""
                CREATE FUNCTION refuse_final() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.phase = 'final' AND NEW.goal_id = '%s' THEN RAISE EXCEPTION 'disk full'; END IF;
                    RETURN NEW;
                END $$""".formatted(refused));
        database.jdbc().execute("""
                CREATE TRIGGER refuse_final BEFORE INSERT ON goal_compliance_snapshot_rows
                FOR EACH ROW EXECUTE FUNCTION refuse_final()""");

        // when
        Cli.Result failed = Cli.run(database, "run", "--phase=final", "--as-of=2026-06-17T05:00:00Z");

        // then the job fails, and no goal is passed off as a reject
        assertThat(failed.exitCode()).as(failed.out()).isNotZero();
        assertThat(lastJobStatus()).isEqualTo("FAILED");
        assertThat(finals(refused, "2026-06-17T05:00:00Z")).as("final rows of the refused goal").isZero();
        assertThat(database.jdbc().queryForObject("""
                SELECT count(*) FROM goal_compliance_rejects WHERE as_of = '2026-06-17T05:00:00Z'""", Long.class))
                .isZero();

        // when the database is fixed and the instance runs again
        database.jdbc().execute("DROP TRIGGER refuse_final ON goal_compliance_snapshot_rows");
        Cli.Result resumed = Cli.run(database, "run", "--phase=final", "--as-of=2026-06-17T05:00:00Z");

        // then
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        for (UUID goal : goals) {
            assertThat(finals(goal, "2026-06-17T05:00:00Z")).as("final rows of goal %s", goal).isEqualTo(1);
        }
    }

    /** {@value #GOALS} weekly view goals of one creator with a video at {@code postedAt}, closed at {@code close}. */
    private static List<UUID> closedGoals(String postedAt, String close) {
        SourceData.Creator creator = project.creator().video(v -> v.postedAt(postedAt).counts(500L, 5L, 5L, 5L));
        List<UUID> goals = new ArrayList<>();
        for (int i = 0; i < GOALS; i++) {
            long target = 100L * (i + 1);
            goals.add(creator.goal(g -> g.metric("views").target(target)));
        }
        Cli.Result closed = Cli.run(database, "run", "--phase=close", "--as-of=" + close);
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        return goals;
    }

    private static long finals(UUID goal, String asOf) {
        return database.jdbc().queryForObject("""
                SELECT count(*) FROM goal_compliance_snapshots WHERE goal_id = ? AND phase = 'final'
                  AND as_of = ?::timestamptz""", Long.class, goal, asOf);
    }

    private static String lastJobStatus() {
        return database.jdbc().queryForObject(
                "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1", String.class);
    }
}
