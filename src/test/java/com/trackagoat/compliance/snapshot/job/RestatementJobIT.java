package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.SourceData;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * The restatement job on a UTC week (Monday 2026-06-01 to 06-08): close 06-08, final 06-10, restatement 06-17.
 * Videos discovered between the final and the restatement are late; the final rows are never changed.
 */
class RestatementJobIT {

    private static final String SINCE = "2026-06-07T00:00:00Z";
    private static final String UNTIL = "2026-06-17T00:00:00Z";
    private static final String FINAL = "2026-06-10T00:00:00Z";
    private static final String RESTATEMENT = "2026-06-17T00:00:00Z";
    private static final String IN_WEEK = "2026-06-03T12:00:00Z";
    private static final String LATE = "2026-06-12T08:00:00Z";

    private TestDatabase database;
    private SourceData.Project project;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.migrated(RestatementJobIT.class);
        project = SourceData.in(database).organization("UTC").project();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void lateVideosRestateTheFinalsTheyChangeAndNothingElse() {
        Goals goals = lateDiscoveries();

        Cli.Result run = catchUp();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(restatements()).containsOnly(
                Map.entry(goals.flipped + "", "2/4/missed/completed/ineligible/eligible/" + RESTATEMENT),
                Map.entry(goals.grown + "", "20/70/missed/missed/ineligible/ineligible/" + RESTATEMENT));
        assertThat(database.jdbc().queryForList("""
                SELECT goal_id || ' ' || reason FROM goal_compliance_rejects WHERE phase = 'restatement'
                  AND as_of = CAST(? AS timestamptz)
                """, String.class, RESTATEMENT)).containsExactly(goals.negative + " invalid_data");
        assertThat(database.jdbc().queryForObject("""
                SELECT count(*) FROM goal_compliance_snapshots WHERE phase = 'final' AND evaluated_at > (
                    SELECT min(restated_at) FROM goal_compliance_restatements)
                """, Long.class)).as("final rows rewritten after the restatement").isZero();
        assertThat(database.jdbc().queryForList("SELECT goal_id::text FROM payout_adjustments", String.class))
                .containsExactly(goals.flipped.toString());
    }

    @Test
    void nothingDiscoveredAfterTheFinalWritesNoRestatement() {
        SourceData.Creator onTime = project.creator().scrape("2026-06-16T12:00:00Z", 10L);
        onTime.video(v -> v.postedAt(IN_WEEK).discoveredAt("2026-06-09T00:00:00Z").views(5L));
        onTime.goal(g -> g.metric("views").target(100));

        Cli.Result run = catchUp();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM goal_compliance_snapshots WHERE phase = 'final'"
                + " AND as_of = CAST(? AS timestamptz)", Long.class, FINAL)).isOne();
        assertThat(Cli.run(database, "status", "--since=" + SINCE, "--until=" + UNTIL).out())
                .containsPattern("restatement\\s+" + RESTATEMENT + "\\s+completed");
        assertThat(restatements()).isEmpty();
    }

    @Test
    void aRestatementResumedAfterAFailureWritesEachRowOnce() {
        Goals goals = lateDiscoveries();
        Cli.Result upToTheFinal = Cli.run(database, "catch-up", "--since=" + SINCE, "--until=" + FINAL);
        assertThat(upToTheFinal.exitCode()).as(upToTheFinal.err()).isZero();
        database.jdbc().execute("""
                CREATE FUNCTION refuse_grown() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.actual = 70 THEN RAISE EXCEPTION 'refused for the test'; END IF;
                  RETURN NEW;
                END $$""");
        database.jdbc().execute("""
                CREATE TRIGGER refuse_grown BEFORE INSERT ON goal_compliance_restatements
                FOR EACH ROW EXECUTE FUNCTION refuse_grown()""");

        Cli.Result failed = run("--goal-compliance.chunk-size=1", "--goal-compliance.partitions=1");
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        database.jdbc().execute("DROP TRIGGER refuse_grown ON goal_compliance_restatements");
        Cli.Result resumed = run("--goal-compliance.chunk-size=1", "--goal-compliance.partitions=1");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("completed");
        assertThat(restatements()).containsOnlyKeys(goals.flipped + "", goals.grown + "");
        assertThat(database.jdbc().queryForObject("""
                SELECT count(*) FROM goal_compliance_rejects WHERE phase = 'restatement'""", Long.class)).isOne();
    }

    @Test
    void aRestatementWaitsWhileItsFinalHasNotCompleted() {
        lateDiscoveries();
        database.jdbc().execute("""
                CREATE FUNCTION refuse_finals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.phase = 'final' THEN RAISE EXCEPTION 'refused for the test'; END IF;
                  RETURN NEW;
                END $$""");
        database.jdbc().execute("""
                CREATE TRIGGER refuse_finals BEFORE INSERT ON goal_compliance_snapshot_rows
                FOR EACH ROW EXECUTE FUNCTION refuse_finals()""");

        Cli.Result run = catchUp();
        Cli.Result alone = run();
        Cli.Result status = Cli.run(database, "status", "--since=" + SINCE, "--until=" + UNTIL);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("waiting for its close or final: restatement@" + RESTATEMENT);
        assertThat(alone.out()).contains("not run: the final it restates has not completed");
        assertThat(status.out()).containsPattern("restatement\\s+" + RESTATEMENT + "\\s+waiting");
        assertThat(restatements()).isEmpty();
    }

    /** Goals whose finals see different late discoveries; fresh scrapes at the final and the restatement. */
    private Goals lateDiscoveries() {
        SourceData.Creator posts = creator();
        posts.video(v -> v.postedAt(IN_WEEK)).video(v -> v.postedAt(IN_WEEK).discoveredAt("2026-06-09T00:00:00Z"))
                .video(v -> v.postedAt(IN_WEEK).discoveredAt(LATE)).video(v -> v.postedAt(IN_WEEK).discoveredAt(LATE));
        UUID flipped = posts.goal(g -> g.metric("posts").target(3));
        SourceData.Creator views = creator();
        views.video(v -> v.postedAt(IN_WEEK).views(20L)).video(v -> v.postedAt(IN_WEEK).discoveredAt(LATE).views(50L))
                .video(v -> v.postedAt("2026-06-08T00:00:00Z").discoveredAt(LATE).views(1000L)); // the next week
        UUID grown = views.goal(g -> g.metric("views").target(100));
        SourceData.Creator tooLate = creator();
        tooLate.video(v -> v.postedAt(IN_WEEK).discoveredAt("2026-06-17T00:00:01Z"));
        tooLate.goal(g -> g.metric("posts").target(1));
        SourceData.Creator followers = creator().scrape("2026-06-01T00:00:00Z", 0L);
        followers.video(v -> v.postedAt(IN_WEEK).discoveredAt(LATE));
        followers.goal(g -> g.metric("followers").target(100));
        SourceData.Creator negative = creator();
        negative.video(v -> v.postedAt(IN_WEEK).discoveredAt(LATE).likes(-4L));
        UUID negativeGoal = negative.goal(g -> g.metric("likes").target(10));
        return new Goals(flipped, grown, negativeGoal);
    }

    private record Goals(UUID flipped, UUID grown, UUID negative) {
    }

    private SourceData.Creator creator() {
        return project.creator().scrape("2026-06-09T23:00:00Z", 10L).scrape("2026-06-16T12:00:00Z", 10L);
    }

    /** One partition: the job logs its balance in one line. */
    private Cli.Result catchUp() {
        return Cli.run(database, "catch-up", "--since=" + SINCE, "--until=" + UNTIL, "--goal-compliance.partitions=1");
    }

    private Cli.Result run(String... settings) {
        String[] args = new String[settings.length + 3];
        args[0] = "run";
        args[1] = "--phase=restatement";
        args[2] = "--as-of=" + RESTATEMENT;
        System.arraycopy(settings, 0, args, 3, settings.length);
        return Cli.run(database, args);
    }

    /** goal → final actual/actual/final status/status/final eligibility/eligibility/as_of, for the final at 06-10. */
    private Map<String, String> restatements() {
        Map<String, String> rows = new TreeMap<>();
        database.jdbc().query("""
                SELECT goal_id, final_actual || '/' || actual || '/' || final_status || '/' || status || '/'
                       || final_eligibility || '/' || eligibility || '/'
                       || to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS row
                FROM goal_compliance_restatements WHERE final_as_of = CAST(? AS timestamptz)
                """, rs -> {
            rows.put(rs.getString("goal_id"), rs.getString("row"));
        }, FINAL);
        return rows;
    }
}
