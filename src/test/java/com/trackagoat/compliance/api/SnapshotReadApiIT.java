package com.trackagoat.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * The golden catch-up dataset ({@code ../shared/golden/catch-up.json}) after a real catch-up, read over
 * real HTTP: past dates come from the snapshots, history and payout eligibility return what the tables
 * hold. The server's clock stands after the dataset, so every snapshot's date is in the past.
 */
class SnapshotReadApiIT {

    private static final JsonNode GOLDEN = Dataset.golden("catch-up.json");
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    /** Org 0, America/Chicago (US DST ends on 2026-11-01). */
    private static final String ORG = "bdd640fb-0667-4ad1-9c80-317fa3b1799d";
    private static final String PROJECT = "23b8c1e9-3924-46de-beb1-3b9046685257";
    /** Org 1, Asia/Kolkata. */
    private static final String KOLKATA_ORG = "e893be3d-7354-4a6f-a160-745985c7504b";
    private static final String KOLKATA_PROJECT = "96a9954f-dc33-41f9-8c1f-55ab715629ee";

    private static TestDatabase database;
    private static ApiServer server;
    private static final Map<String, String> KEYS = new HashMap<>();

    @BeforeAll
    static void catchUpAndServe() {
        database = TestDatabase.migrated(SnapshotReadApiIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        Cli.Result catchUp = Cli.run(database, "catch-up", "--since=" + GOLDEN.get("since").asString(),
                "--until=" + GOLDEN.get("until").asString());
        assertThat(catchUp.exitCode()).as(catchUp.err()).isZero();
        GOLDEN.at("/dataset/organizations").forEach(org ->
                KEYS.put(org.get("id").asString(), Keys.create(database, org.get("id").asString(), "snapshot test").key()));
        server = ApiServer.start(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void everyPastDateOfEveryProjectIsServedFromTheSnapshotsTakenAtItsEnd() {
        List<Map<String, Object>> instants = database.jdbc().queryForList("""
                SELECT DISTINCT s.project_id::text AS project, s.org_id::text AS org, o.timezone, s.as_of
                FROM goal_compliance_snapshots s JOIN organizations o ON o.id = s.org_id
                WHERE s.phase IN ('nightly', 'close')
                """);
        assertThat(instants).hasSizeGreaterThan(100);
        for (Map<String, Object> at : instants) {
            Instant asOf = ((java.sql.Timestamp) at.get("as_of")).toInstant();
            LocalDate day = asOf.atZone(ZoneId.of((String) at.get("timezone"))).toLocalDate().minusDays(1);
            ApiServer.Response response = server.get("/api/v1/projects/" + at.get("project")
                    + "/goal-compliance?reference_date=" + day, KEYS.get((String) at.get("org")));

            String what = at.get("project") + " on " + day;
            assertThat(response.status()).as(what).isEqualTo(200);
            assertThat(response.json().at("/meta/source").asString()).as(what).isEqualTo("snapshot");
            assertThat(Instant.parse(response.json().at("/meta/as_of").asString())).as(what).isEqualTo(asOf);
            assertThat(results(response.json())).as(what).isEqualTo(rowsAt((String) at.get("project"), asOf));
        }
    }

    @Test
    void aNightlySnapshotReadsExactlyLikeTheLiveEvaluationAtItsInstant() {
        for (String[] project : List.of(new String[] {PROJECT, ORG, "2026-10-27", "2026-10-28T05:00:00Z"},
                new String[] {KOLKATA_PROJECT, KOLKATA_ORG, "2026-10-27", "2026-10-27T18:30:00Z"})) {
            ApiServer.Response fromSnapshots = server.get("/api/v1/projects/" + project[0]
                    + "/goal-compliance?reference_date=" + project[2], KEYS.get(project[1]));
            Cli.Result live = Cli.run(database, "report", "--project=" + project[0], "--as-of=" + project[3]);
            Set<String> nightly = new HashSet<>(database.jdbc().queryForList("""
                    SELECT goal_id::text FROM goal_compliance_snapshots
                    WHERE project_id = ?::uuid AND phase = 'nightly' AND as_of = ?::timestamptz
                    """, String.class, project[0], project[3]));

            assertThat(fromSnapshots.json().at("/meta/source").asString()).isEqualTo("snapshot");
            assertThat(nightly).isNotEmpty();
            Map<String, String> recorded = entries(fromSnapshots.json());
            Map<String, String> evaluated = entries(Dataset.JSON.readTree(live.out()));
            for (String goal : nightly) {
                assertThat(recorded.get(goal)).as(goal).isNotNull().isEqualTo(evaluated.get(goal));
            }
        }
    }

    @Test
    void aDateBeforeAnySnapshotIsEvaluatedLive() {
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT
                + "/goal-compliance?reference_date=2026-10-01", KEYS.get(ORG));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/meta/source").asString()).isEqualTo("live");
        assertThat(response.json().at("/meta/as_of").isMissingNode()).isTrue();
    }

    @Test
    void snapshotBodyFiltersByPeriodAndCreator() {
        ApiServer.Response daily = server.get("/api/v1/projects/" + PROJECT
                + "/goal-compliance?reference_date=2026-10-27&period=daily", KEYS.get(ORG));

        assertThat(daily.json().at("/meta/source").asString()).isEqualTo("snapshot");
        assertThat(daily.json().get("data").findValuesAsString("period")).isNotEmpty().containsOnly("daily");
        String creator = daily.json().at("/data/0/creator/id").asString();
        ApiServer.Response one = server.get("/api/v1/projects/" + PROJECT
                + "/goal-compliance?reference_date=2026-10-27&period=daily&creator_id=" + creator, KEYS.get(ORG));
        assertThat(one.json().get("data").size()).isEqualTo(1);
        assertThat(one.json().at("/data/0/creator/id").asString()).isEqualTo(creator);
    }

    @Test
    void aggregateOfAPastDateCountsTheRecordedStatuses() {
        ApiServer.Response response = server.get(
                "/api/v1/analytics/aggregate/goal-compliance?reference_date=2026-10-27", KEYS.get(KOLKATA_ORG));

        List<Map<String, Object>> counts = database.jdbc().queryForList("""
                SELECT status, count(*) AS n, count(*) FILTER (WHERE has_advisory) AS advised
                FROM goal_compliance_snapshots
                WHERE org_id = ?::uuid AND phase IN ('nightly', 'close') AND as_of = '2026-10-27T18:30:00Z'
                GROUP BY status
                """, KOLKATA_ORG);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/meta/source").asString()).isEqualTo("snapshot");
        long total = 0;
        long advised = 0;
        for (Map<String, Object> c : counts) {
            assertThat(response.json().at("/data/by_status/" + c.get("status")).asLong()).isEqualTo((Long) c.get("n"));
            total += (Long) c.get("n");
            advised += (Long) c.get("advised");
        }
        assertThat(response.json().at("/data/total").asLong()).isEqualTo(total).isPositive();
        assertThat(response.json().at("/data/with_advisory").asLong()).isEqualTo(advised);
    }

    @Test
    void historyPagesThroughEveryRowOfTheProjectInOrder() {
        List<String> expected = database.jdbc().queryForList("""
                SELECT goal_id || '/' || phase || '/' || to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                FROM goal_compliance_snapshots WHERE project_id = ?::uuid ORDER BY as_of, goal_id, phase
                """, String.class, PROJECT);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiServer.Response page = server.get("/api/v1/projects/" + PROJECT + "/goal-compliance/history?limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor), KEYS.get(ORG));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("data").size()).isLessThanOrEqualTo(7);
            page.json().get("data").forEach(r -> seen.add(r.get("goal_id").asString() + "/" + r.get("phase").asString()
                    + "/" + r.get("as_of").asString()));
            cursor = page.json().at("/meta/next_cursor").isNull() ? null : page.json().at("/meta/next_cursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(seen).isEqualTo(expected);
        assertThat(pages).isEqualTo((expected.size() + 6) / 7);
    }

    @Test
    void historyOfOneGoalInARangeOfDatesIsItsRowsWithTheirValues() {
        String goal = database.jdbc().queryForObject("""
                SELECT goal_id::text FROM goal_compliance_snapshots
                WHERE project_id = ?::uuid AND phase = 'final' GROUP BY goal_id ORDER BY count(*) DESC, goal_id LIMIT 1
                """, String.class, PROJECT);
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT + "/goal-compliance/history?goal_id="
                + goal + "&from=2026-10-25&to=2026-11-03", KEYS.get(ORG));

        List<Map<String, Object>> rows = database.jdbc().queryForList("""
                SELECT phase, actual, status, close_status FROM goal_compliance_snapshots
                WHERE goal_id = ?::uuid AND as_of >= '2026-10-26T05:00:00Z' AND as_of <= '2026-11-04T06:00:00Z'
                ORDER BY as_of, phase
                """, goal);
        JsonNode data = response.json().get("data");
        assertThat(response.status()).isEqualTo(200);
        assertThat(data.size()).isEqualTo(rows.size()).isPositive();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = data.get(i);
            assertThat(r.get("goal_id").asString()).isEqualTo(goal);
            assertThat(r.get("phase").asString()).isEqualTo(rows.get(i).get("phase"));
            assertThat(r.get("actual").asLong()).isEqualTo(rows.get(i).get("actual"));
            assertThat(r.get("status").asString()).isEqualTo(rows.get(i).get("status"));
            assertThat(r.get("close_status").isNull() ? null : r.get("close_status").asString())
                    .isEqualTo(rows.get(i).get("close_status"));
            LocalDate reference = LocalDate.parse(r.get("reference_date").asString());
            assertThat(reference).isBetween(LocalDate.parse("2026-10-25"), LocalDate.parse("2026-11-03"));
            assertThat(r.at("/advisory/period_start").asString()).isEqualTo(r.get("period_start").asString());
        }
        assertThat(data.get(0).get("advisory").propertyNames()).first().isEqualTo("period_in_progress");
        assertThat(response.json().at("/meta/next_cursor").isNull()).isTrue();
    }

    @Test
    void historyFiltersByCreatorAndPhase() {
        String creator = database.jdbc().queryForObject("""
                SELECT creator_id::text FROM goal_compliance_snapshots WHERE project_id = ?::uuid
                ORDER BY creator_id LIMIT 1
                """, String.class, PROJECT);
        Integer finals = database.jdbc().queryForObject("""
                SELECT count(*) FROM goal_compliance_snapshots
                WHERE project_id = ?::uuid AND creator_id = ?::uuid AND phase = 'final'
                """, Integer.class, PROJECT, creator);
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT + "/goal-compliance/history?creator_id="
                + creator + "&phase=final&limit=1000", KEYS.get(ORG));

        assertThat(response.json().get("data").size()).isEqualTo(finals).isPositive();
        assertThat(response.json().get("data").findValuesAsString("phase")).containsOnly("final");
        assertThat(response.json().get("data").findValuesAsString("creator_id")).containsOnly(creator);
    }

    @Test
    void payoutEligibilityOfOnePeriodEndIsTheViewsRows() {
        ApiServer.Response response = server.get("/api/v1/projects/" + KOLKATA_PROJECT
                + "/payout-eligibility?period_end=2026-11-01", KEYS.get(KOLKATA_ORG));

        List<Map<String, Object>> rows = database.jdbc().queryForList("""
                SELECT goal_id::text AS goal, eligibility, status, close_status, actual, close_actual
                FROM payout_eligibility
                WHERE project_id = ?::uuid
                  AND (period_end AT TIME ZONE 'Asia/Kolkata')::date = DATE '2026-11-01'
                ORDER BY as_of, goal_id
                """, KOLKATA_PROJECT);
        JsonNode data = response.json().get("data");
        assertThat(response.status()).isEqualTo(200);
        assertThat(data.size()).isEqualTo(rows.size()).isPositive();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            JsonNode r = data.get(i);
            assertThat(r.get("goal_id").asString()).isEqualTo(row.get("goal"));
            assertThat(r.get("eligibility").asString()).isEqualTo(row.get("eligibility"));
            assertThat(r.get("period_end_date").asString()).isEqualTo("2026-11-01");
            assertThat(r.get("changed_since_close").asBoolean()).isEqualTo(
                    !row.get("status").equals(row.get("close_status")) || !row.get("actual").equals(row.get("close_actual")));
        }
    }

    @Test
    void payoutEligibilityOverARangeCoversEveryEligibilityAndShowsChangesSinceClose() {
        Set<String> seen = new TreeSet<>();
        boolean changed = false;
        int rows = 0;
        String cursor = null;
        do {
            ApiServer.Response page = server.get("/api/v1/projects/" + KOLKATA_PROJECT
                    + "/payout-eligibility?from=2026-10-01&to=2026-11-30&limit=10"
                    + (cursor == null ? "" : "&cursor=" + cursor), KEYS.get(KOLKATA_ORG));
            for (JsonNode r : page.json().get("data")) {
                seen.add(r.get("eligibility").asString());
                changed |= r.get("changed_since_close").asBoolean();
                rows++;
            }
            cursor = page.json().at("/meta/next_cursor").isNull() ? null : page.json().at("/meta/next_cursor").asString();
        } while (cursor != null);

        Integer all = database.jdbc().queryForObject("SELECT count(*) FROM payout_eligibility WHERE project_id = ?::uuid",
                Integer.class, KOLKATA_PROJECT);
        assertThat(rows).isEqualTo(all).isPositive();
        assertThat(seen).isNotEmpty();
        assertThat(changed || database.jdbc().queryForObject("""
                SELECT count(*) FROM payout_eligibility
                WHERE project_id = ?::uuid AND (status <> close_status OR actual <> close_actual)
                """, Integer.class, KOLKATA_PROJECT) == 0).isTrue();
    }

    @Test
    void payoutEligibilityFiltersByEligibility() {
        ApiServer.Response response = server.get("/api/v1/projects/" + KOLKATA_PROJECT
                + "/payout-eligibility?eligibility=eligible&limit=1000", KEYS.get(KOLKATA_ORG));
        Integer eligible = database.jdbc().queryForObject("""
                SELECT count(*) FROM payout_eligibility WHERE project_id = ?::uuid AND eligibility = 'eligible'
                """, Integer.class, KOLKATA_PROJECT);

        assertThat(response.json().get("data").size()).isEqualTo(eligible).isPositive();
        assertThat(response.json().get("data").findValuesAsString("eligibility")).containsOnly("eligible");
        assertThat(response.json().get("data").findValuesAsString("status")).containsOnly("completed");
    }

    /** goal id → "status actual target percentage has_advisory" of a body's results. */
    private static Map<String, String> results(JsonNode body) {
        Map<String, String> results = new HashMap<>();
        for (JsonNode creator : body.get("data")) {
            for (JsonNode r : creator.get("compliance")) {
                results.put(r.at("/goal/id").asString(), r.get("status").asString() + " " + r.get("actual").asLong() + " "
                        + r.get("target").asLong() + " " + r.get("percentage").asInt() + " "
                        + r.at("/advisory/has_advisory").asBoolean());
            }
        }
        return results;
    }

    private static Map<String, String> rowsAt(String project, Instant asOf) {
        Map<String, String> rows = new HashMap<>();
        database.jdbc().query("""
                SELECT goal_id::text, status, actual, target, percentage, has_advisory FROM goal_compliance_snapshots
                WHERE project_id = ?::uuid AND as_of = ? AND phase IN ('nightly', 'close')
                """, rs -> {
            rows.put(rs.getString(1), rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4) + " "
                    + rs.getInt(5) + " " + rs.getBoolean(6));
        }, project, java.sql.Timestamp.from(asOf));
        return rows;
    }

    /** goal id → the result's JSON text, field order included. */
    private static Map<String, String> entries(JsonNode body) {
        Map<String, String> entries = new HashMap<>();
        for (JsonNode creator : body.get("data")) {
            for (JsonNode r : creator.get("compliance")) {
                entries.put(r.at("/goal/id").asString(), Dataset.JSON.writeValueAsString(r));
            }
        }
        return entries;
    }
}
