package com.trackagoat.compliance.snapshot.catchup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/** The golden files' snapshot and reject comparisons: every listed field, failures naming the row and field. */
final class GoldenSnapshots {

    static final List<String> SNAPSHOT_FIELDS = List.of("org_id", "project_id", "creator_id", "metric",
            "period", "target", "actual", "percentage", "status", "period_start", "period_end", "has_advisory",
            "advisory", "close_status", "close_actual");

    private GoldenSnapshots() {
    }

    /** One line per differing field, missing or extra row; empty when the table holds exactly {@code expected}. */
    static List<String> differences(TestDatabase database, JsonNode expectedRows) {
        Map<String, JsonNode> expected = byKey(expectedRows);
        Map<String, JsonNode> actual = byKey(snapshotsAsJson(database));
        List<String> differences = new ArrayList<>();
        expected.forEach((key, want) -> {
            JsonNode got = actual.get(key);
            if (got == null) {
                differences.add(key + ": missing");
                return;
            }
            for (String field : SNAPSHOT_FIELDS) {
                if (!Dataset.JSON.readTree(want.get(field).toString()).equals(got.get(field))) {
                    differences.add(key + " " + field + ": expected " + want.get(field) + " but was " + got.get(field));
                }
            }
        });
        actual.keySet().stream().filter(key -> !expected.containsKey(key)).forEach(key -> differences.add(key + ": extra"));
        return differences;
    }

    /** The rejects as goal/phase/as_of to reason. */
    static Map<String, String> rejects(TestDatabase database) {
        Map<String, String> actual = new TreeMap<>();
        database.jdbc().query("""
                SELECT goal_id, phase, to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS as_of,
                       reason, detail FROM goal_compliance_rejects
                """, rs -> {
            actual.put(rs.getString("goal_id") + "/" + rs.getString("phase") + "/" + rs.getString("as_of"),
                    rs.getString("reason") + (rs.getString("detail").isBlank() ? " (no detail)" : ""));
        });
        return actual;
    }

    static Map<String, String> expectedRejects(JsonNode rows) {
        Map<String, String> expected = new TreeMap<>();
        rows.forEach(r -> expected.put(key(r), r.get("reason").asString()));
        return expected;
    }

    /** Every snapshot row as the golden files print it: instants in UTC with milliseconds, advisory as JSON. */
    private static List<JsonNode> snapshotsAsJson(TestDatabase database) {
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

    static String key(JsonNode row) {
        return row.get("goal_id").asString() + "/" + row.get("phase").asString() + "/" + row.get("as_of").asString();
    }
}
