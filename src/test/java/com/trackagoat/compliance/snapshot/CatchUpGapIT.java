package com.trackagoat.compliance.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * The default start of a catch-up: a manual {@code run} of a later instant (yesterday, or one in the future)
 * must not make it skip the instants before that were never run.
 */
class CatchUpGapIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String LOOK_BACK = "--goal-compliance.catch-up.look-back=P3D";

    private static TestDatabase withManualRuns;
    private static TestDatabase plain;

    @BeforeAll
    static void createDatabases() {
        TestDatabase[] databases = RecentGoals.twoDatabases(CatchUpGapIT.class, 60, "America/Chicago");
        withManualRuns = databases[0];
        plain = databases[1];
    }

    @AfterAll
    static void dropDatabases() {
        withManualRuns.close();
        plain.close();
    }

    @Test
    void catchUpRunsTheInstantsBehindAManualRunOfALaterOneAndIgnoresAFutureOne() {
        // given a close run by hand at yesterday's midnight, and a nightly run ahead of time
        Instant until = RecentGoals.anchor();
        LocalDate today = until.atZone(CHICAGO).toLocalDate();
        Instant yesterday = today.minusDays(1).atStartOfDay(CHICAGO).toInstant();
        Instant future = today.plusDays(10).atStartOfDay(CHICAGO).toInstant();
        assertThat(Cli.run(withManualRuns, "run", "--phase=close", "--as-of=" + yesterday).exitCode()).isZero();
        assertThat(Cli.run(withManualRuns, "run", "--phase=nightly", "--as-of=" + future).exitCode()).isZero();

        // when catch-up runs with its default start
        Cli.Result result = Cli.run(withManualRuns, "catch-up", "--until=" + until, LOOK_BACK);

        // then it ran every instance of the look-back, those before yesterday's close included
        assertThat(result.exitCode()).isZero();
        assertThat(Cli.run(plain, "catch-up", "--since=" + until.minus(Duration.ofDays(3)),
                "--until=" + until).exitCode()).isZero();
        assertThat(completedUpTo(withManualRuns, until)).isEqualTo(completedUpTo(plain, until)).hasSizeGreaterThan(6)
                .anyMatch(instance -> instance.startsWith("close@") && instance.compareTo("close@" + yesterday) < 0);
    }

    private static List<String> completedUpTo(TestDatabase db, Instant until) {
        return db.jdbc().queryForList("""
                SELECT ph.PARAMETER_VALUE || '@' || a.PARAMETER_VALUE AS instance
                FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS ph ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
                JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
                WHERE e.STATUS = 'COMPLETED' AND CAST(a.PARAMETER_VALUE AS timestamptz) <= ?
                ORDER BY 1
                """, String.class, Timestamp.from(until));
    }
}
