package com.trackagoat.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed page's example ({@code ../shared/golden/report-seed.json}) over real HTTP: the endpoint returns
 * the {@code report} command's body, plus {@code meta.source}. The server's clock stands at the golden
 * {@code as_of}, so that "today" is the golden reference date.
 */
class GoldenReadApiIT {

    private static final JsonNode GOLDEN = Dataset.golden("report-seed.json");
    private static final String PROJECT = GOLDEN.get("project_id").asString();
    private static final String ORG = GOLDEN.at("/dataset/organizations/0/id").asString();
    private static final Instant AS_OF = Instant.parse(GOLDEN.get("as_of").asString());

    private static TestDatabase database;
    private static ApiServer server;
    private static String key;

    @BeforeAll
    static void serveSeedDataset() {
        database = TestDatabase.migrated(GoldenReadApiIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        key = Keys.create(database, ORG, "golden test").key();
        server = ApiServer.start(database, Clock.fixed(AS_OF, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void todaysBodyIsTheSeedPageBodyEvaluatedLive() {
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT + "/goal-compliance", key);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.json().at("/meta/source").asString()).isEqualTo("live");
        assertSameFieldsInSameOrder(withoutSource(response.json()), GOLDEN.get("expected_body"));
    }

    @Test
    void explicitTodayAndTheReportCommandGiveTheSameBody() {
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT
                + "/goal-compliance?reference_date=2026-05-21&period=weekly&creator_id="
                + GOLDEN.at("/dataset/creators/0/id").asString(), key);
        Cli.Result report = Cli.run(database, "report", "--project=" + PROJECT, "--as-of=" + AS_OF,
                "--period=weekly", "--creator=" + GOLDEN.at("/dataset/creators/0/id").asString());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertSameFieldsInSameOrder(withoutSource(response.json()), Dataset.JSON.readTree(report.out()));
    }

    @Test
    void theServeCommandAnswersWithTheBodyOfTheReportCommand() throws Exception {
        // given the packaged jar running serve on the seed dataset (the real clock: the golden day is past)
        String query = "/api/v1/projects/" + PROJECT + "/goal-compliance?reference_date=2026-05-21&period=weekly";
        try (ServeProcess serve = ServeProcess.start(database, "golden-read-api-serve",
                "--goal-compliance.catch-up.look-back=PT1M")) {
            ServeProcess.await("serve answers", ServeProcess.TO_START, () -> serve.get(query, key).isPresent());

            // when the endpoint is asked for a past day, and report for the same
            HttpResponse<String> response = serve.get(query, key).orElseThrow();
            Cli.Result report = Cli.run(database, "report", "--project=" + PROJECT, "--reference-date=2026-05-21",
                    "--period=weekly");

            // then both give the same body, with no snapshot taken that day it is evaluated live
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(report.exitCode()).as(report.err()).isZero();
            JsonNode body = Dataset.JSON.readTree(response.body());
            assertThat(body.at("/meta/source").asString()).isEqualTo("live");
            assertThat(body.at("/data/0/compliance").size()).isPositive();
            assertSameFieldsInSameOrder(withoutSource(body), Dataset.JSON.readTree(report.out()));
            assertThat(serve.get(query, "tga_not-a-key").orElseThrow().statusCode()).isEqualTo(401);
            serve.terminate();
        }
    }

    @Test
    void periodFilterWithoutGoalsKeepsTheCreatorWithAnEmptyList() {
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT + "/goal-compliance?period=daily", key);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/0/creator/tiktok_handle").asString()).isEqualTo("sarah.b8520");
        assertThat(response.json().at("/data/0/compliance").size()).isZero();
    }

    @Test
    void pastDateWithoutSnapshotsIsEvaluatedLiveAndSaysSo() {
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT
                + "/goal-compliance?reference_date=2026-05-19", key);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/meta/source").asString()).isEqualTo("live");
        assertThat(response.json().at("/meta/reference_date").asString()).isEqualTo("2026-05-19");
        // End of 2026-05-19 in Chicago is 2026-05-20T05:00Z: the ten videos of May 18 and 19 count.
        assertThat(response.json().at("/data/0/compliance/0/actual").asLong()).isEqualTo(10);
    }

    @Test
    void aggregateCountsTheSameStatuses() {
        ApiServer.Response response = server.get("/api/v1/analytics/aggregate/goal-compliance", key);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.get("total").asLong()).isEqualTo(1);
        assertThat(data.at("/by_status/on_track").asLong()).isEqualTo(1);
        assertThat(data.at("/by_status/behind_pace").asLong()).isZero();
        assertThat(data.get("with_advisory").asLong()).isZero();
        assertThat(data.get("rejected").asLong()).isZero();
        assertThat(response.json().at("/meta/org_tz").asString()).isEqualTo("America/Chicago");
        assertThat(response.json().at("/meta/reference_date").asString()).isEqualTo("2026-05-21");
        assertThat(response.json().at("/meta/source").asString()).isEqualTo("live");
        assertThat(response.json().at("/meta/projects").asInt()).isEqualTo(1);
        assertThat(response.json().get("error").isNull()).isTrue();
    }

    @Test
    void aggregateForOneProjectAndAPeriodWithoutGoalsCountsNothing() {
        ApiServer.Response response = server.get("/api/v1/analytics/aggregate/goal-compliance?project_id="
                + PROJECT + "&period=monthly&reference_date=2026-05-21", key);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/total").asLong()).isZero();
        assertThat(response.json().at("/meta/project_id").asString()).isEqualTo(PROJECT);
        assertThat(response.json().at("/meta/period").asString()).isEqualTo("monthly");
    }

    @Test
    void revokedKeyIsRefusedAtOnce() {
        Keys.Created other = Keys.create(database, ORG, "to revoke");
        String path = "/api/v1/projects/" + PROJECT + "/goal-compliance";
        assertThat(server.get(path, other.key()).status()).isEqualTo(200);

        Cli.Result revoke = Cli.run(database, "api-key", "revoke", "--id=" + other.id());

        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        ApiServer.Response refused = server.get(path, other.key());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().at("/error/code").asString()).isEqualTo("unauthorized");
        assertThat(server.get(path, key).status()).as("other keys still work").isEqualTo(200);
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        Integer clear = database.jdbc().queryForObject(
                "SELECT count(*) FROM api_keys WHERE encode(key_hash, 'escape') LIKE '%' || ? || '%' OR prefix = ?",
                Integer.class, key.substring(4), key);
        assertThat(clear).isZero();
    }

    private static JsonNode withoutSource(JsonNode body) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        ((ObjectNode) copy.get("meta")).remove("source");
        return copy;
    }

    private static void assertSameFieldsInSameOrder(JsonNode actual, JsonNode expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(Dataset.JSON.writeValueAsString(actual)).isEqualTo(Dataset.JSON.writeValueAsString(expected));
    }
}
