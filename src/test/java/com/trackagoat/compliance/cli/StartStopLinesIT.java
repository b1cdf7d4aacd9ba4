package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.PackagedJar;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar logs, on stderr, one line when a command starts connecting (where to and as whom, never the
 * password) and one when it stops (its duration and exit code), and nothing of that reaches stdout; a command
 * that needs no database ({@code --help}, a bad argument) logs neither.
 */
class StartStopLinesIT {

    private static final String ORG = "00000000-0000-4000-8000-00000000e000";
    private static final String PROJECT = "00000000-0000-4000-8000-00000000e001";
    private static final String SECRET = "not-to-be-logged";

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated(StartStopLinesIT.class);
        database.jdbc().update("INSERT INTO organizations VALUES (?::uuid, 'lines', 'America/Chicago')", ORG);
        database.jdbc().update("INSERT INTO projects VALUES (?::uuid, ?::uuid, 'lines')", PROJECT, ORG);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void reportLogsWhereItConnectsAndWhenItStopsOnStderrAndPrintsOnlyItsJsonOnStdout() {
        // trust authentication: the server ignores the passwords, which must appear nowhere
        Cli.Result report = PackagedJar.run("start-stop-report", "report", "--project=" + PROJECT,
                "--reference-date=2026-05-20", "--spring.datasource.url=" + database.url() + "?password=" + SECRET,
                "--spring.datasource.password=" + SECRET);

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(linesContaining(report.err(), "connecting to ")).as(report.err()).singleElement().asString()
                .endsWith(" connecting to " + database.url() + "?password=*** as postgres");
        assertThat(linesContaining(report.err(), " done in ")).as(report.err()).singleElement().asString()
                .matches(".* report done in \\d+\\.\\d s, exit 0");
        List<String> stderr = report.err().lines().toList();
        assertThat(stderr.get(stderr.size() - 1)).as("the stop line comes last").contains(" report done in ");
        assertThat(report.err() + report.out()).doesNotContain(SECRET);
        assertThat(report.out()).as("stdout is the JSON and nothing else").startsWith("{").endsWith("}" + System.lineSeparator());
        JsonNode body = Dataset.JSON.readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(report.out());
        assertThat(body.get("meta").get("reference_date").asString()).isEqualTo("2026-05-20");
    }

    @Test
    void aFailedStartLogsItsStopLineWithExit2AfterTheOneLineThatSaysWhy() {
        Cli.Result migrate = PackagedJar.run("start-stop-unreachable", "migrate",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5999/nowhere");

        assertThat(migrate.exitCode()).as(migrate.err()).isEqualTo(GoalComplianceCli.USAGE);
        assertThat(migrate.err().lines()).as(migrate.err()).satisfiesExactly(
                connecting -> assertThat(connecting).endsWith(" connecting to jdbc:postgresql://127.0.0.1:5999/nowhere as postgres"),
                why -> assertThat(why).startsWith("goal-compliance: cannot start: Connection to 127.0.0.1:5999 refused"),
                stop -> assertThat(stop).matches(".* migrate done in \\d+\\.\\d s, exit 2"));
        assertThat(migrate.out()).isEmpty();
    }

    @Test
    void helpAndBadArgumentsLogNeitherLine() {
        Cli.Result help = PackagedJar.run("start-stop-help", "report", "--help");
        Cli.Result bad = PackagedJar.run("start-stop-bad", "run", "--phase=weekly", "--as-of=2026-05-25T05:00:00Z");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: goal-compliance report");
        assertThat(help.err()).isEmpty();
        assertThat(bad.exitCode()).isEqualTo(GoalComplianceCli.USAGE);
        assertThat(bad.err().lines()).singleElement().asString().startsWith("goal-compliance: ");
        assertThat(bad.out()).isEmpty();
    }

    private static List<String> linesContaining(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).toList();
    }
}
