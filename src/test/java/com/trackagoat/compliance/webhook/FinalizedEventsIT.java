package com.trackagoat.compliance.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * The outbox on the golden catch-up: one {@code goal_compliance.finalized} event per project and final instant,
 * with the counts of the rows in the tables, written once even when its final fails at the outbox step and
 * resumes, or is rerun; each with a pending delivery to every enabled endpoint of its organization.
 */
class FinalizedEventsIT {

    private static final JsonNode GOLDEN = Dataset.golden("catch-up.json");
    /** A final of the golden range whose outbox step is made to fail on the first catch-up. */
    private static final String REFUSED = "2026-11-04T05:00:00Z";

    private static final String REFUSE_EVENTS = """
            CREATE FUNCTION refuse_events() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
            CREATE TRIGGER refuse_events BEFORE INSERT ON webhook_events
            FOR EACH ROW WHEN (NEW.as_of = '%s') EXECUTE FUNCTION refuse_events();
            """;

    /** What the events must say, computed here from the snapshots and rejects by the contract's rules. */
    private static final String EXPECTED = """
            SELECT project_id::text || '@' || to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS k,
                   org_id::text AS org_id, sum(goals) AS goals, sum(eligible) AS eligible,
                   sum(needs_review) AS needs_review, sum(ineligible) AS ineligible, sum(rejected) AS rejected
            FROM (
              SELECT s.project_id, s.org_id, s.as_of, 1 AS goals,
                     CASE WHEN s.status = 'completed' THEN 1 ELSE 0 END AS eligible,
                     CASE WHEN s.status <> 'completed' AND (s.advisory ->> 'scrape_stale')::boolean THEN 1 ELSE 0
                     END AS needs_review,
                     CASE WHEN s.status <> 'completed' AND NOT coalesce((s.advisory ->> 'scrape_stale')::boolean,
                     false) THEN 1 ELSE 0 END AS ineligible, 0 AS rejected
              FROM goal_compliance_snapshots s WHERE s.phase = 'final'
              UNION ALL
              SELECT g.project_id, p.org_id, r.as_of, 0, 0, 0, 0, 1
              FROM goal_compliance_rejects r JOIN creator_goals g ON g.id = r.goal_id
              JOIN projects p ON p.id = g.project_id WHERE r.phase = 'final'
            ) t GROUP BY 1, 2
            """;

    private static TestDatabase database;
    private static UUID endpointOrg;

    @BeforeAll
    static void catchUpWithOneFinalFailingAtItsOutboxStep() {
        database = TestDatabase.migrated(FinalizedEventsIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        endpointOrg = database.jdbc().queryForObject("SELECT min(org_id::text)::uuid FROM projects", UUID.class);
        insertEndpoint(endpointOrg, true);
        insertEndpoint(endpointOrg, false);
        database.jdbc().execute(REFUSE_EVENTS.formatted(REFUSED));
        assertThat(catchUp().exitCode()).as("the refused final fails the first catch-up").isEqualTo(1);
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM webhook_events WHERE as_of = ?::timestamptz",
                Long.class, REFUSED)).as("events of the failed final").isZero();
        database.jdbc().execute("DROP TRIGGER refuse_events ON webhook_events");
        Cli.Result resumed = catchUp();
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void oneEventPerProjectAndFinalInstantWithTheCountsOfTheTables() {
        Map<String, String> expected = new TreeMap<>();
        database.jdbc().query(EXPECTED, rs -> {
            expected.put(rs.getString("k"), "{\"as_of\":\"" + rs.getString("k").substring(37) + "\",\"goals\":"
                    + rs.getLong("goals") + ",\"org_id\":\"" + rs.getString("org_id") + "\",\"eligible\":"
                    + rs.getLong("eligible") + ",\"rejected\":" + rs.getLong("rejected") + ",\"ineligible\":"
                    + rs.getLong("ineligible") + ",\"project_id\":\"" + rs.getString("k").substring(0, 36)
                    + "\",\"needs_review\":" + rs.getLong("needs_review") + "}");
        });
        assertThat(expected).as("the golden range has finals").hasSizeGreaterThan(100).containsKey(keyAt(REFUSED));
        assertThat(events()).isEqualTo(expected);
    }

    @Test
    void everyEventHasTheContractsEnvelopeAndAnId() {
        database.jdbc().query("SELECT id, type, payload::text AS payload FROM webhook_events", rs -> {
            JsonNode payload = Dataset.JSON.readTree(rs.getString("payload"));
            assertThat(rs.getString("id")).as("event id").matches("evt_[0-9a-f]{32}");
            assertThat(rs.getString("type")).isIn("goal_compliance.finalized", "goal_compliance.restated");
            assertThat(payload.get("type").asString()).isEqualTo(rs.getString("type"));
            assertThat(payload.get("timestamp").asString()).as(rs.getString("id"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        });
    }

    @Test
    void aRerunOfAFinalWritesNoSecondEventNorDelivery() {
        Map<String, String> before = events();
        long deliveries = deliveries();
        Cli.Result rerun = Cli.run(database, "rerun", "--phase=final", "--as-of=" + REFUSED);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(events()).isEqualTo(before);
        assertThat(deliveries()).isEqualTo(deliveries);
    }

    @Test
    void eachEventOfTheEndpointsOrganizationHasOnePendingDeliveryToItsEnabledEndpoint() {
        Long events = database.jdbc().queryForObject("SELECT count(*) FROM webhook_events WHERE org_id = ?",
                Long.class, endpointOrg);
        assertThat(events).isPositive();
        assertThat(database.jdbc().queryForList("""
                SELECT ev.id || ' ' || count(d.id) FILTER (WHERE e.enabled AND d.state = 'pending' AND d.attempts = 0)
                       || ' ' || count(d.id) FILTER (WHERE NOT e.enabled)
                FROM webhook_events ev
                LEFT JOIN webhook_deliveries d ON d.event_id = ev.id
                LEFT JOIN webhook_endpoints e ON e.id = d.endpoint_id
                WHERE ev.org_id = ? GROUP BY ev.id
                """, String.class, endpointOrg)).hasSize(events.intValue()).allMatch(line -> line.endsWith(" 1 0"));
        assertThat(deliveries()).isEqualTo(events);
    }

    private static Map<String, String> events() {
        Map<String, String> events = new TreeMap<>();
        database.jdbc().query("""
                SELECT project_id::text || '@' || to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS k,
                       payload -> 'data' AS data, count(*) OVER (PARTITION BY project_id, as_of) AS n
                FROM webhook_events WHERE type = 'goal_compliance.finalized'
                """, rs -> {
            assertThat(rs.getLong("n")).as(rs.getString("k")).isEqualTo(1);
            events.put(rs.getString("k"), rs.getString("data").replace(" ", ""));
        });
        return events;
    }

    private static String keyAt(String asOf) {
        return database.jdbc().queryForObject("""
                SELECT min(project_id::text) FROM goal_compliance_snapshots WHERE phase = 'final'
                AND as_of = ?::timestamptz
                """, String.class, asOf) + "@" + asOf;
    }

    private static long deliveries() {
        return database.jdbc().queryForObject("SELECT count(*) FROM webhook_deliveries", Long.class);
    }

    private static void insertEndpoint(UUID org, boolean enabled) {
        database.jdbc().update("""
                INSERT INTO webhook_endpoints (id, org_id, url, secret_encrypted, secret_nonce, enabled, created_at)
                VALUES (?, ?, 'http://127.0.0.1:9/hook', '\\x00', '\\x00', ?, now())
                """, UUID.randomUUID(), org, enabled);
    }

    private static Cli.Result catchUp() {
        return Cli.run(database, "catch-up", "--since=" + GOLDEN.get("since").asString(),
                "--until=" + GOLDEN.get("until").asString());
    }
}
