package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * Bad arguments to run and rerun through the real command line against PostgreSQL: exit 2, one line on
 * stderr, and no job instance recorded, so that no later history query meets an instant it cannot read.
 * Organizations in Chicago, Kolkata and an unusable zone (scheduled on UTC).
 */
class ArgumentsIT {

    /** Monday 2026-05-25 00:00 in Chicago. */
    private static final String CHICAGO_MIDNIGHT = "2026-05-25T05:00:00Z";

    /** How a bad argument's line ends (a domain refusal, such as an instant that is not due, has none). */
    private static final String RUN_USAGE = " (see 'goal-compliance run --help')";

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated(ArgumentsIT.class);
        database.jdbc().update("""
                INSERT INTO organizations VALUES ('00000000-0000-4000-8000-00000000a000', 'chicago', 'America/Chicago'),
                ('00000000-0000-4000-8000-00000000a001', 'kolkata', 'Asia/Kolkata'),
                ('00000000-0000-4000-8000-00000000a002', 'mars', 'Mars/Olympus')
                """);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void anInstantBeyondTheYear9999IsRefusedAndNothingIsRecorded() {
        assertRefused("goal-compliance: --as-of='+10000-01-01T00:00:00Z' is not an ISO-8601 UTC instant with Z"
                + " between 1970 and 9999, such as 2026-05-25T05:00:00Z" + RUN_USAGE,
                "run", "--phase=nightly", "--as-of=+10000-01-01T00:00:00Z");
    }

    @Test
    void anInstantWithAnOffsetIsRefusedAndNothingIsRecorded() {
        assertRefused("goal-compliance: --as-of='2026-05-25T05:00:00+02:00' is not an ISO-8601 UTC instant with Z"
                + " between 1970 and 9999, such as 2026-05-25T05:00:00Z" + RUN_USAGE,
                "run", "--phase=close", "--as-of=2026-05-25T05:00:00+02:00");
    }

    @Test
    void aRepeatedPhaseIsRefusedInsteadOfTakingTheLast() {
        assertRefused("goal-compliance: option --phase given twice" + RUN_USAGE,
                "run", "--phase=close", "--phase=final", "--as-of=" + CHICAGO_MIDNIGHT);
    }

    @Test
    void aCloseAtNoLocalMidnightIsRefusedNamingTheNearbyMidnights() {
        assertRefused("goal-compliance: 2026-05-25T04:00:00Z is no local midnight of a scheduled zone"
                + " (America/Chicago, Asia/Kolkata, UTC); nearby: 2026-05-25T00:00:00Z, 2026-05-25T05:00:00Z",
                "run", "--phase=close", "--as-of=2026-05-25T04:00:00Z");
        assertRefused("goal-compliance: 2026-05-25T05:00:00.500Z is no local midnight of a scheduled zone"
                + " (America/Chicago, Asia/Kolkata, UTC); nearby: 2026-05-25T05:00:00Z, 2026-05-25T18:30:00Z",
                "run", "--phase=nightly", "--as-of=2026-05-25T05:00:00.500Z");
    }

    @Test
    void aFinalThatSettlesNoCloseIsRefusedNamingTheNearbyFinals() {
        assertRefused("goal-compliance: 2026-05-27T06:00:00Z is no final (48h after a local midnight) of a"
                + " scheduled zone (America/Chicago, Asia/Kolkata, UTC); nearby: 2026-05-27T05:00:00Z,"
                + " 2026-05-27T18:30:00Z",
                "run", "--phase=final", "--as-of=2026-05-27T06:00:00Z");
    }

    @Test
    void aRerunOfAnInstanceThatNeverRanIsRefusedPointingToRun() {
        assertRefused("goal-compliance: close@2026-05-25T18:30:00Z never ran;"
                + " use run --phase=close --as-of=2026-05-25T18:30:00Z",
                "rerun", "--phase=close", "--as-of=2026-05-25T18:30:00Z");
    }

    @Test
    void theMidnightsOfEveryScheduledZoneAreRun() {
        assertThat(Cli.run(database, "run", "--phase=close", "--as-of=" + CHICAGO_MIDNIGHT).exitCode()).isZero();
        assertThat(Cli.run(database, "run", "--phase=nightly", "--as-of=2026-05-24T18:30:00Z").exitCode()).isZero();
        assertThat(Cli.run(database, "run", "--phase=nightly", "--as-of=2026-05-25T00:00:00Z").exitCode())
                .as("UTC, the schedule of the unusable zone").isZero();
        assertThat(Cli.run(database, "run", "--phase=final", "--as-of=2026-05-27T05:00:00Z").exitCode())
                .as("48 h after the Chicago close").isZero();
    }

    @Test
    void withNoOrganizationNothingIsDue() {
        try (TestDatabase empty = TestDatabase.create(ArgumentsIT.class)) {
            Cli.Result result = Cli.run(empty, "run", "--phase=close", "--as-of=" + CHICAGO_MIDNIGHT);

            assertThat(result.exitCode()).as(result.err()).isEqualTo(GoalComplianceCli.USAGE);
            assertThat(result.err()).isEqualTo("goal-compliance: close@" + CHICAGO_MIDNIGHT
                    + " is not due: no organization is scheduled" + System.lineSeparator());
            assertThat(empty.jdbc().queryForObject("SELECT count(*) FROM BATCH_JOB_INSTANCE", Long.class)).isZero();
        }
    }

    @Test
    void aUtcMidnightIsRefusedWhileNoOrganizationIsScheduledOnUtc() {
        try (TestDatabase chicagoOnly = TestDatabase.create(ArgumentsIT.class)) {
            assertThat(Cli.run(chicagoOnly, "migrate").exitCode()).isZero();
            chicagoOnly.jdbc().update("INSERT INTO organizations VALUES (gen_random_uuid(), 'chicago', 'America/Chicago')");

            Cli.Result result = Cli.run(chicagoOnly, "run", "--phase=nightly", "--as-of=2026-05-25T00:00:00Z");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(GoalComplianceCli.USAGE);
            assertThat(result.err()).startsWith("goal-compliance: 2026-05-25T00:00:00Z is no local midnight of a"
                    + " scheduled zone (America/Chicago); nearby: 2026-05-24T05:00:00Z, 2026-05-25T05:00:00Z");
            assertThat(chicagoOnly.jdbc().queryForObject("SELECT count(*) FROM BATCH_JOB_INSTANCE", Long.class))
                    .isZero();
        }
    }

    private static void assertRefused(String line, String... args) {
        long instances = jobInstances();

        Cli.Result result = Cli.run(database, args);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(GoalComplianceCli.USAGE);
        assertThat(result.err()).isEqualTo(line + System.lineSeparator());
        assertThat(result.out()).isEmpty();
        assertThat(jobInstances()).as("job instances recorded").isEqualTo(instances);
    }

    private static long jobInstances() {
        return database.jdbc().queryForObject("SELECT count(*) FROM BATCH_JOB_INSTANCE", Long.class);
    }
}
