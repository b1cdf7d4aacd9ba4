package com.trackagoat.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.SeedApi;

import tools.jackson.databind.JsonNode;

/**
 * The read API's dates stay in the years 1970 to 9999 that the job records (data-contract.md), and the bounds
 * themselves are answered by PostgreSQL, never a 500. A date or a forged cursor outside them is a 400 before
 * any read: the {@code *ParametersWebMvcTest} slices check those without a database.
 */
class ParameterBoundsIT {

    private static final JsonNode GOLDEN = Dataset.golden("report-seed.json");
    private static final String PROJECT = GOLDEN.get("project_id").asString();

    private static SeedApi api;
    private static ApiServer server;
    private static String key;

    @BeforeAll
    static void serve() {
        api = SeedApi.start(ParameterBoundsIT.class, GOLDEN, "bounds test");
        server = api.server();
        key = api.key();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/v1/projects/{p}/goal-compliance?reference_date=9999-12-31",
            "/api/v1/projects/{p}/goal-compliance?reference_date=1970-01-01",
            "/api/v1/analytics/aggregate/goal-compliance?reference_date=9999-12-31",
            "/api/v1/projects/{p}/goal-compliance/history?from=1970-01-01&to=9999-12-31",
            "/api/v1/projects/{p}/payout-eligibility?from=1970-01-01&to=9999-12-31",
            "/api/v1/projects/{p}/payout-eligibility?period_end=9999-12-31"})
    void theBoundsAreAnswered(String path) {
        ApiServer.Response response = server.get(path.replace("{p}", PROJECT), key);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
