package com.trackagoat.compliance.snapshot.catchup;

import static com.trackagoat.compliance.support.TableAssert.assertThatTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.TableRows;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * {@code ../shared/golden/restatements.json} through the real {@code catch-up} command: snapshots, rejects and
 * restatements of a range with videos discovered after their finals, 64-bit overflows included.
 */
class GoldenRestatementsIT {

    private static final JsonNode GOLDEN = Dataset.golden("restatements.json");
    /** The golden file's restatement columns: the key, both instants, the final as paid and as restated. */
    private static final String RESTATEMENT_COLUMNS = """
            goal_id, final_as_of, as_of, org_id, project_id, final_actual, final_status, final_eligibility,
            actual, percentage, status, eligibility""";

    private static TestDatabase database;
    private static Cli.Result firstRun;

    @BeforeAll
    static void catchUpOnGoldenDataset() {
        database = TestDatabase.migrated(GoldenRestatementsIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        firstRun = catchUp();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void catchUpWritesExactlyTheExpectedRestatements() {
        assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
        database.jdbc().execute("CREATE TABLE expected_restatements AS SELECT " + RESTATEMENT_COLUMNS
                + " FROM goal_compliance_restatements WHERE false");
        database.jdbc().execute("ALTER TABLE expected_restatements ADD PRIMARY KEY (goal_id, final_as_of)");
        database.jdbc().update("""
                INSERT INTO expected_restatements
                SELECT * FROM jsonb_populate_recordset(NULL::expected_restatements, CAST(? AS jsonb))
                """, GOLDEN.get("expected_restatements").toString());
        database.jdbc().execute("CREATE TABLE actual_restatements AS SELECT " + RESTATEMENT_COLUMNS
                + " FROM goal_compliance_restatements");
        database.jdbc().execute("ALTER TABLE actual_restatements ADD PRIMARY KEY (goal_id, final_as_of)");

        assertThatTable(database, "actual_restatements")
                .hasSameRowsAs(TableRows.read(database, "expected_restatements"))
                .hasRowCount(GOLDEN.get("expected_restatements").size());
    }

    @Test
    void catchUpWritesExactlyTheExpectedSnapshots() {
        assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
        List<String> differences = GoldenSnapshots.differences(database, GOLDEN.get("expected_snapshots"));
        assertThat(differences).as("%d differences, first: %s", differences.size(),
                differences.stream().limit(5).toList()).isEmpty();
    }

    @Test
    void catchUpWritesExactlyTheExpectedRejects() {
        assertThat(GoldenSnapshots.rejects(database)).isEqualTo(GoldenSnapshots.expectedRejects(
                GOLDEN.get("expected_rejects")));
    }

    @Test
    void theFinalRowsRestatedAreLeftAsTheyWere() {
        Map<String, Long> finalActuals = new TreeMap<>();
        database.jdbc().query("""
                SELECT r.goal_id || '/' || r.final_as_of AS restated, r.final_actual, s.actual FROM goal_compliance_restatements r
                JOIN goal_compliance_snapshots s
                  ON s.goal_id = r.goal_id AND s.phase = 'final' AND s.as_of = r.final_as_of
                """, rs -> {
            finalActuals.put(rs.getString("restated"), rs.getLong("actual") - rs.getLong("final_actual"));
        });
        assertThat(finalActuals).hasSize(GOLDEN.get("expected_restatements").size()).allSatisfy(
                (goal, difference) -> assertThat(difference).as(goal).isZero());
    }

    @Test
    void secondCatchUpOverTheSameRangeChangesNothing() {
        List<String> before = new ArrayList<>(database.jdbc().queryForList("""
                SELECT r::text FROM goal_compliance_restatements r ORDER BY goal_id, final_as_of
                """, String.class));
        Cli.Result again = catchUp();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(" 0 ran, ");
        assertThat(database.jdbc().queryForList("""
                SELECT r::text FROM goal_compliance_restatements r ORDER BY goal_id, final_as_of
                """, String.class)).isEqualTo(before);
    }

    @Test
    void eachProjectAndRestatementInstantWithRowsHasOneRestatedEventListingThem() {
        // read back from the events' JSON, independently of how the outbox builds it
        List<String> listed = database.jdbc().queryForList("""
                SELECT concat_ws('|', e.project_id, e.as_of, x->>'goal_id', CAST(x->>'final_as_of' AS timestamptz),
                                 x->>'final_eligibility', x->>'eligibility', x->>'final_actual', x->>'actual')
                FROM webhook_events e, jsonb_array_elements(e.payload->'data'->'restatements') x
                WHERE e.type = 'goal_compliance.restated'
                  AND e.payload->'data'->>'project_id' = CAST(e.project_id AS text)
                  AND CAST(e.payload->'data'->>'as_of' AS timestamptz) = e.as_of
                  AND e.payload->>'type' = e.type
                ORDER BY 1
                """, String.class);
        List<String> rows = database.jdbc().queryForList("""
                SELECT concat_ws('|', project_id, as_of, goal_id, final_as_of, final_eligibility, eligibility,
                                 final_actual, actual)
                FROM goal_compliance_restatements ORDER BY 1
                """, String.class);
        assertThat(rows).hasSize(GOLDEN.get("expected_restatements").size());
        assertThat(listed).as("restatements listed by the restated events").isEqualTo(rows);
        assertThat(database.jdbc().queryForObject(
                "SELECT count(*) FROM webhook_events WHERE type = 'goal_compliance.restated'", Long.class))
                .as("one event per project and instant").isEqualTo(database.jdbc().queryForObject(
                        "SELECT count(DISTINCT (project_id, as_of)) FROM goal_compliance_restatements", Long.class));
    }

    private static Cli.Result catchUp() {
        return Cli.run(database, "catch-up", "--since=" + GOLDEN.get("since").asString(),
                "--until=" + GOLDEN.get("until").asString(),
                "--goal-compliance.restatement-delay=" + GOLDEN.get("restatement_delay").asString());
    }
}
