package com.trackagoat.compliance.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/** {@code ../shared/golden/report-seed.json} through the real {@code report} command. */
class GoldenReportIT {

    private static final JsonNode GOLDEN = Dataset.golden("report-seed.json");
    private static TestDatabase database;

    @BeforeAll
    static void loadSeedDataset() {
        database = TestDatabase.migrated(GoldenReportIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void reportPrintsExactlyTheSeedPageBody() {
        Cli.Result result = Cli.run(database, "report", "--project=" + GOLDEN.get("project_id").asString(),
                "--as-of=" + GOLDEN.get("as_of").asString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode body = Dataset.JSON.readTree(result.out());
        assertThat(body).isEqualTo(GOLDEN.get("expected_body"));
        assertThat(Dataset.JSON.writeValueAsString(body))
                .as("same fields in the same order")
                .isEqualTo(Dataset.JSON.writeValueAsString(GOLDEN.get("expected_body")));
    }

    @Test
    void pastReferenceDateEvaluatesAtTheEndOfThatDay() {
        Cli.Result result = Cli.run(database, "report", "--project=" + GOLDEN.get("project_id").asString(),
                "--reference-date=2026-05-19");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode body = Dataset.JSON.readTree(result.out());
        JsonNode goal = body.at("/data/0/compliance/0");
        assertThat(body.at("/meta/reference_date").asString()).isEqualTo("2026-05-19");
        // End of 2026-05-19 in Chicago is 2026-05-20T05:00Z: the ten videos of May 18 and 19 count.
        assertThat(goal.get("actual").asLong()).isEqualTo(10);
        assertThat(goal.at("/advisory/hours_until_period_end").asDouble()).isEqualTo(120.0);
    }

    @Test
    void unknownProjectIsABadArgument() {
        Cli.Result result = Cli.run(database, "report", "--project=00000000-0000-4000-8000-000000000999");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo(
                "goal-compliance: project 00000000-0000-4000-8000-000000000999 does not exist");
    }
}
