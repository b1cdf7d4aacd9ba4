package com.trackagoat.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.SourceData;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * Every refusal of the read API that needs the database, over real HTTP: its status and the seed page's
 * envelope. A second organization with its own project and key checks that no request reads across
 * organizations. Refusals of a parameter or a method, which need none, are the {@code *ParametersWebMvcTest}
 * slices'; {@code HttpHardeningIT} sends every method through the real container.
 */
class ApiErrorsIT {

    private static final JsonNode GOLDEN = Dataset.golden("report-seed.json");
    private static final String PROJECT = GOLDEN.get("project_id").asString();
    private static final String ORG = GOLDEN.at("/dataset/organizations/0/id").asString();
    private static final String OTHER_ORG = "00000000-0000-4000-8000-0000000000b0";
    private static final String OTHER_PROJECT = "00000000-0000-4000-8000-0000000000b1";
    private static final String MISSING_PROJECT = "00000000-0000-4000-8000-0000000000ff";

    private static TestDatabase database;
    private static ApiServer server;
    private static String key;
    private static String otherKey;

    @BeforeAll
    static void serveTwoOrganizations() {
        database = TestDatabase.migrated(ApiErrorsIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        SourceData.in(database).organization(OTHER_ORG, "Europe/London").project(OTHER_PROJECT);
        key = Keys.create(database, ORG, "errors test").key();
        otherKey = Keys.create(database, OTHER_ORG, "other org").key();
        server = ApiServer.start(database, Clock.fixed(Instant.parse(GOLDEN.get("as_of").asString()), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void noAuthorizationHeaderIs401WithTheEnvelope() {
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT + "/goal-compliance", null);

        assertThat(response.status()).isEqualTo(401);
        assertEnvelope(response, "unauthorized", "missing Authorization header");
        assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"goal-compliance\"");
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @CsvSource(delimiter = '|', value = {
            "Bearer tga_notARealKeyAtAll",
            "Bearer tga_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "Basic dXNlcjpwYXNz",
            "Bearer",
            "tga_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void badKeyIs401(String header) {
        ApiServer.Response response = server.send(HttpRequest.newBuilder(
                URI.create(server.base() + "/api/v1/projects/" + PROJECT + "/goal-compliance"))
                .header("Authorization", header).GET().build());

        assertThat(response.status()).isEqualTo(401);
        assertEnvelope(response, "unauthorized", "invalid or revoked API key");
    }

    @Test
    void aKeyWithOneCharacterChangedIs401() {
        char last = key.charAt(key.length() - 1);
        String tampered = key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(server.get("/api/v1/projects/" + PROJECT + "/goal-compliance", tampered).status()).isEqualTo(401);
    }

    @Test
    void anotherOrganizationsProjectIsNotFoundLikeAMissingOne() {
        ApiServer.Response foreign = server.get("/api/v1/projects/" + PROJECT + "/goal-compliance", otherKey);
        ApiServer.Response missing = server.get("/api/v1/projects/" + MISSING_PROJECT + "/goal-compliance", otherKey);

        assertThat(foreign.status()).isEqualTo(404);
        assertEnvelope(foreign, "not_found", "project " + PROJECT + " not found");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asString()).isEqualTo("project " + MISSING_PROJECT + " not found");
    }

    @Test
    void everyProjectEndpointRefusesAForeignProject() {
        for (String path : new String[] {"/goal-compliance", "/goal-compliance/history", "/payout-eligibility"}) {
            ApiServer.Response response = server.get("/api/v1/projects/" + OTHER_PROJECT + path, key);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertEnvelope(response, "not_found", "project " + OTHER_PROJECT + " not found");
        }
        ApiServer.Response aggregate = server.get(
                "/api/v1/analytics/aggregate/goal-compliance?project_id=" + OTHER_PROJECT, key);
        assertThat(aggregate.status()).isEqualTo(404);
        assertEnvelope(aggregate, "not_found", "project " + OTHER_PROJECT + " not found");
    }

    @Test
    void aggregateCountsOnlyTheCallersOrganization() {
        ApiServer.Response response = server.get("/api/v1/analytics/aggregate/goal-compliance", otherKey);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/total").asLong()).isZero();
        assertThat(response.json().at("/meta/projects").asInt()).isEqualTo(1);
        assertThat(response.json().at("/meta/org_tz").asString()).isEqualTo("Europe/London");
    }

    @Test
    void creatorOfAnotherProjectYieldsNoData() {
        ApiServer.Response response = server.get("/api/v1/projects/" + OTHER_PROJECT + "/goal-compliance?creator_id="
                + GOLDEN.at("/dataset/creators/0/id").asString(), otherKey);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("data").size()).isZero();
    }

    @Test
    void unknownPathUnderTheApiIs404WithTheEnvelope() {
        ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT + "/goals", key);

        assertThat(response.status()).isEqualTo(404);
        assertEnvelope(response, "not_found", "no endpoint /api/v1/projects/" + PROJECT + "/goals");
    }

    @Test
    void unknownPathWithoutAKeyIs401NotA404() {
        assertThat(server.get("/api/v1/secret-things", null).status()).isEqualTo(401);
    }

    @Test
    void openApiDocumentListsTheEndpointsAndIsPublic() {
        ApiServer.Response response = server.get("/v3/api-docs", null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode paths = response.json().get("paths");
        assertThat(paths.has("/api/v1/projects/{projectId}/goal-compliance")).isTrue();
        assertThat(paths.has("/api/v1/analytics/aggregate/goal-compliance")).isTrue();
        assertThat(paths.has("/api/v1/projects/{projectId}/goal-compliance/history")).isTrue();
        assertThat(paths.has("/api/v1/projects/{projectId}/payout-eligibility")).isTrue();
        assertThat(paths.size()).as("only the read API").isEqualTo(4);
        assertThat(response.json().at("/paths/~1api~1v1~1projects~1{projectId}~1goal-compliance/get/parameters")
                .findValuesAsString("name")).containsExactlyInAnyOrder("projectId", "creator_id", "period", "reference_date");
        assertThat(response.json().at("/components/securitySchemes/apiKey/scheme").asString()).isEqualTo("bearer");
        ApiServer.Response yaml = server.get("/v3/api-docs.yaml", null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("openapi:", "/api/v1/projects/{projectId}/payout-eligibility:");
    }

    @Test
    void openApiDocumentShowsTheBodyRecordsWithTheirFormatsAndCodes() {
        JsonNode document = server.get("/v3/api-docs", null).json();
        JsonNode schemas = document.at("/components/schemas");

        assertThat(document.at("/paths/~1api~1v1~1projects~1{projectId}~1goal-compliance/get/responses/200/content")
                .findValuesAsString("$ref")).containsExactly("#/components/schemas/EnvelopeListCreatorComplianceComplianceMeta");
        JsonNode goal = schemas.at("/GoalView/properties");
        assertThat(goal.propertyNames()).containsExactly("id", "creator_id", "project_id", "metric", "period",
                "target_value", "start_date", "end_date", "is_active");
        assertThat(goal.at("/id/format").asString()).isEqualTo("uuid");
        assertThat(goal.at("/start_date/format").asString()).isEqualTo("date");
        assertThat(goal.at("/period/enum").valueStream().map(JsonNode::asString)).containsExactly("daily", "weekly", "monthly");
        assertThat(goal.at("/metric/enum").valueStream().map(JsonNode::asString)).containsExactly(
                "posts", "views", "likes", "comments", "shares", "engagement", "followers");
        assertThat(schemas.at("/GoalCompliance/properties/status/enum").valueStream().map(JsonNode::asString))
                .containsExactly("on_track", "behind_pace", "at_risk", "completed", "missed");
        assertThat(schemas.at("/AdvisoryView/properties/period_end/format").asString()).isEqualTo("date-time");
        assertThat(schemas.at("/AdvisoryView/properties/scrape_freshness/$ref").asString())
                .isEqualTo("#/components/schemas/ScrapeFreshnessView");
    }

    @Test
    void apiKeyCommandRefusesAnUnknownOrganizationAndBadArguments() {
        Cli.Result unknownOrg = Cli.run(database, "api-key", "create", "--org=" + MISSING_PROJECT, "--name=x");
        Cli.Result noAction = Cli.run(null, "api-key", "--org=" + ORG);
        Cli.Result noName = Cli.run(null, "api-key", "create", "--org=" + ORG);
        Cli.Result unknownKey = Cli.run(database, "api-key", "revoke", "--id=" + MISSING_PROJECT);

        assertThat(unknownOrg.exitCode()).isEqualTo(2);
        assertThat(unknownOrg.err().strip()).isEqualTo("goal-compliance: organization " + MISSING_PROJECT + " does not exist");
        assertThat(noAction.exitCode()).isEqualTo(2);
        assertThat(noAction.err().strip()).startsWith("goal-compliance: api-key needs create or list or revoke");
        assertThat(noName.exitCode()).isEqualTo(2);
        assertThat(noName.err().strip()).isEqualTo("goal-compliance: api-key create needs --name=TEXT"
                + " (see 'goal-compliance api-key create --help')");
        assertThat(unknownKey.exitCode()).isEqualTo(2);
        assertThat(unknownKey.err().strip()).isEqualTo("goal-compliance: API key " + MISSING_PROJECT + " does not exist");
    }

    private static void assertEnvelope(ApiServer.Response response, String code, String messageStart) {
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.json().propertyNames()).containsExactly("data", "error", "meta");
        assertThat(response.json().get("data").isNull()).isTrue();
        assertThat(response.json().at("/error/code").asString()).isEqualTo(code);
        assertThat(response.json().at("/error/message").asString()).startsWith(messageStart);
        assertThat(response.json().get("meta").isObject()).isTrue();
    }
}
