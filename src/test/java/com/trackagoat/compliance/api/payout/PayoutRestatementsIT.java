package com.trackagoat.compliance.api.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

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
 * The payout endpoint on {@code ../shared/golden/restatements.json} after the real {@code catch-up}: each final row
 * carries its restatement ({@code as_of}, {@code actual}, {@code status}, {@code eligibility}) as the restatement
 * table holds it, or null where the final was not restated.
 */
class PayoutRestatementsIT {

    private static final JsonNode GOLDEN = Dataset.golden("restatements.json");

    private static TestDatabase database;
    private static ApiServer server;
    /** An org key per project, the way a customer reads its payouts. */
    private static final Map<String, String> KEY_BY_PROJECT = new TreeMap<>();

    @BeforeAll
    static void catchUpOnGoldenDataset() {
        database = TestDatabase.migrated(PayoutRestatementsIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        Cli.Result catchUp = Cli.run(database, "catch-up", "--since=" + GOLDEN.get("since").asString(),
                "--until=" + GOLDEN.get("until").asString(),
                "--goal-compliance.restatement-delay=" + GOLDEN.get("restatement_delay").asString());
        assertThat(catchUp.exitCode()).as(catchUp.err()).isZero();
        Map<String, String> keyByOrg = new TreeMap<>();
        database.jdbc().query("SELECT id::text AS id, org_id::text AS org_id FROM projects", rs -> {
            String org = rs.getString("org_id");
            KEY_BY_PROJECT.put(rs.getString("id"), keyByOrg.computeIfAbsent(org,
                    o -> Keys.create(database, o, "payout restatements").key()));
        });
        server = ApiServer.start(database, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    @Test
    void eachFinalRowCarriesItsRestatementOrNull() {
        // given what the tables say: every final, with its restatement if it has one
        Map<String, String> expected = new TreeMap<>();
        database.jdbc().query("""
                SELECT p.goal_id, p.as_of, r.as_of AS restated_as_of, r.actual, r.status, r.eligibility
                FROM payout_eligibility p LEFT JOIN goal_compliance_restatements r
                  ON r.goal_id = p.goal_id AND r.final_as_of = p.as_of
                """, rs -> {
            expected.put(rs.getString("goal_id") + "@" + rs.getTimestamp("as_of").toInstant(),
                    rs.getTimestamp("restated_as_of") == null ? "null" : restatement(
                            rs.getTimestamp("restated_as_of").toInstant(), rs.getLong("actual"),
                            rs.getString("status"), rs.getString("eligibility")));
        });

        // when every project's payout rows are read, page by page
        Map<String, String> answered = new TreeMap<>();
        KEY_BY_PROJECT.forEach((project, key) -> readAll(project, key, answered));

        // then the endpoint shows each final's restatement exactly
        assertThat(expected.values().stream().filter(v -> !v.equals("null")).count())
                .as("restated finals").isEqualTo(GOLDEN.get("expected_restatements").size());
        assertThat(answered).as("restatement by goal@final as_of").isEqualTo(expected);
    }

    private static void readAll(String project, String key, Map<String, String> answered) {
        String cursor = null;
        do {
            ApiServer.Response page = server.get("/api/v1/projects/" + project + "/payout-eligibility?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor), key);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode row : page.json().get("data")) {
                JsonNode r = row.get("restatement");
                assertThat(r).as("restatement field of " + row).isNotNull();
                String previous = answered.put(row.get("goal_id").asString() + "@"
                        + Instant.parse(row.get("as_of").asString()), r.isNull() ? "null" : restatement(
                        Instant.parse(r.get("as_of").asString()), r.get("actual").asLong(),
                        r.get("status").asString(), r.get("eligibility").asString()));
                assertThat(previous).as("row listed twice: " + row).isNull();
            }
            JsonNode next = page.json().at("/meta/next_cursor");
            cursor = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (cursor != null);
    }

    private static String restatement(Instant asOf, long actual, String status, String eligibility) {
        return "as_of=%s actual=%d status=%s eligibility=%s".formatted(asOf, actual, status, eligibility);
    }
}
