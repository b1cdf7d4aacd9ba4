package com.trackagoat.compliance.snapshot.catchup;

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
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/** {@code ../shared/golden/catch-up.json} through the real {@code catch-up} command. */
class GoldenCatchUpIT {

    private static final JsonNode GOLDEN = Dataset.golden("catch-up.json");
    private static final List<String> SNAPSHOT_FIELDS = List.of("org_id", "project_id", "creator_id", "metric",
            "period", "target", "actual", "percentage", "status", "period_start", "period_end", "has_advisory",
            "advisory", "close_status", "close_actual");

    private static TestDatabase database;
    private static Cli.Result firstRun;

    @BeforeAll
    static void catchUpOnGoldenDataset() {
        database = TestDatabase.migrated(GoldenCatchUpIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        firstRun = catchUp();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void catchUpWritesExactlyTheExpectedSnapshots() {
        assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
        Map<String, JsonNode> expected = byKey(GOLDEN.get("expected_snapshots"));
        Map<String, JsonNode> actual = byKey(snapshotsAsJson());
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> differences = new ArrayList<>();
        expected.forEach((key, want) -> {
            JsonNode got = actual.get(key);
            for (String field : SNAPSHOT_FIELDS) {
                if (!Dataset.JSON.readTree(want.get(field).toString()).equals(got.get(field))) {
                    differences.add(key + " " + field + ": expected " + want.get(field) + " but was " + got.get(field));
                }
            }
        });
        assertThat(differences).as("%d differences, first: %s", differences.size(),
                differences.stream().limit(5).toList()).isEmpty();
    }

    @Test
    void catchUpWritesExactlyTheExpectedRejects() {
        Map<String, String> expected = new TreeMap<>();
        GOLDEN.get("expected_rejects").forEach(r -> expected.put(key(r), r.get("reason").asString()));
        Map<String, String> actual = new TreeMap<>();
        database.jdbc().query("""
                SELECT goal_id, phase, to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS as_of,
                       reason, detail FROM goal_compliance_rejects
                """, rs -> {
            actual.put(rs.getString("goal_id") + "/" + rs.getString("phase") + "/" + rs.getString("as_of"),
                    rs.getString("reason"));
            assertThat(rs.getString("detail")).isNotBlank();
        });
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void secondCatchUpOverTheSameRangeChangesNothing() {
        String before = dump();
        Cli.Result again = catchUp();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(" 0 ran, ").doesNotContain("failed");
        assertThat(dump()).isEqualTo(before);
    }

    private static Cli.Result catchUp() {
        return Cli.run(database, "catch-up", "--since=" + GOLDEN.get("since").asString(),
                "--until=" + GOLDEN.get("until").asString());
    }

    private static String dump() {
        return database.jdbc().queryForList("""
                SELECT s::text FROM goal_compliance_snapshots s ORDER BY goal_id, phase, as_of
                """, String.class) + "\n" + database.jdbc().queryForList("""
                SELECT r::text FROM goal_compliance_rejects r ORDER BY goal_id, phase, as_of
                """, String.class);
    }

    /** Every snapshot row as the golden file prints it: instants in UTC with milliseconds, advisory as JSON. */
    private static List<JsonNode> snapshotsAsJson() {
        return database.jdbc().queryForList("""
                SELECT json_build_object(
                  'goal_id', goal_id, 'phase', phase, 'as_of', to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'org_id', org_id, 'project_id', project_id, 'creator_id', creator_id,
                  'metric', metric, 'period', period, 'target', target, 'actual', actual,
                  'percentage', percentage, 'status', status,
                  'period_start', to_char(period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'period_end', to_char(period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'has_advisory', has_advisory, 'advisory', advisory,
                  'close_status', close_status, 'close_actual', close_actual)::text
                FROM goal_compliance_snapshots
                """, String.class).stream().map(Dataset.JSON::readTree).toList();
    }

    private static Map<String, JsonNode> byKey(Iterable<JsonNode> rows) {
        Map<String, JsonNode> map = new TreeMap<>();
        rows.forEach(r -> map.put(key(r), r));
        return map;
    }

    private static String key(JsonNode row) {
        return row.get("goal_id").asString() + "/" + row.get("phase").asString() + "/" + row.get("as_of").asString();
    }
}
