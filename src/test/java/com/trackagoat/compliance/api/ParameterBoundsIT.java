package com.trackagoat.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * The read API's dates and instants stay in the years 1970 to 9999 that the job records (data-contract.md):
 * a date outside them, or a cursor forged to hold an instant outside them, is a 400 naming the parameter in
 * the envelope, never a 500 from the database; the bounds themselves are answered.
 */
class ParameterBoundsIT {

    private static final JsonNode GOLDEN = Dataset.golden("report-seed.json");
    private static final String PROJECT = GOLDEN.get("project_id").asString();
    private static final String ORG = GOLDEN.at("/dataset/organizations/0/id").asString();
    private static final String GOAL = "00000000-0000-4000-8000-000000000001";

    private static TestDatabase database;
    private static ApiServer server;
    private static String key;

    @BeforeAll
    static void serve() {
        database = TestDatabase.create(ParameterBoundsIT.class);
        assertThat(Cli.run(database, "migrate").exitCode()).isZero();
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        key = Keys.create(database, ORG, "bounds test").key();
        server = ApiServer.start(database, Clock.fixed(Instant.parse(GOLDEN.get("as_of").asString()), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/projects/{p}/goal-compliance?reference_date=1969-12-31|reference_date",
            "/api/v1/projects/{p}/goal-compliance?reference_date=0001-01-01|reference_date",
            "/api/v1/projects/{p}/goal-compliance?reference_date=%2B10000-01-01|reference_date",
            "/api/v1/analytics/aggregate/goal-compliance?reference_date=1969-12-31|reference_date",
            "/api/v1/projects/{p}/goal-compliance/history?from=1969-12-31|from",
            "/api/v1/projects/{p}/goal-compliance/history?to=0000-01-01|to",
            "/api/v1/projects/{p}/payout-eligibility?period_end=1900-01-01|period_end",
            "/api/v1/projects/{p}/payout-eligibility?from=0999-12-31|from",
            "/api/v1/projects/{p}/payout-eligibility?to=1969-01-01|to"})
    void aDateOutsideTheYearsIs400NamingIt(String path, String parameter) {
        ApiServer.Response response = server.get(path.replace("{p}", PROJECT), key);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().at("/error/code").asString()).isEqualTo("invalid_parameter");
        assertThat(response.json().at("/error/message").asString())
                .startsWith(parameter + " must be a date YYYY-MM-DD from 1970-01-01 to 9999-12-31");
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

    @ParameterizedTest(name = "as_of {0} ms")
    @ValueSource(longs = {Long.MAX_VALUE, 253402300800000L, -1L, Long.MIN_VALUE})
    void aCursorForgedWithAnInstantOutsideTheYearsIs400NamingIt(long epochMillis) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (epochMillis + "|" + GOAL + "|nightly").getBytes(StandardCharsets.UTF_8));
        for (String endpoint : new String[] {"/goal-compliance/history", "/payout-eligibility"}) {
            ApiServer.Response response = server.get("/api/v1/projects/" + PROJECT + endpoint + "?cursor=" + cursor, key);

            assertThat(response.status()).as(endpoint + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().at("/error/message").asString())
                    .isEqualTo("cursor is not a cursor returned by this endpoint (meta.next_cursor)");
        }
    }
}
