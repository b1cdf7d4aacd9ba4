package com.trackagoat.compliance.snapshot.catchup;

import static com.trackagoat.compliance.support.TableAssert.assertSameResults;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.TableAssert;
import com.trackagoat.compliance.support.TableRows;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * "Failures stay where they are" (data-contract.md): a catch-up over days in which one close fails runs every
 * other instance of every organization, leaves only the final that settles the failed close waiting, exits 1
 * naming the failed instance; once the cause is gone, the next catch-up completes both and the tables hold
 * exactly the rows of a catch-up that never failed.
 */
class CatchUpFailureIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Duration SETTLE = Duration.ofHours(48);

    /** The instances (phase@as_of) that wrote a row to either result table. */
    private static final String INSTANCES = """
            SELECT phase || '@' || to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM goal_compliance_snapshots
            UNION
            SELECT phase || '@' || to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM goal_compliance_rejects
            """;

    /** The rows of the failed close's instance and of its final's (bind: the close's and the final's as_of). */
    private static final String OF_FAILED = "(phase = 'close' AND as_of = ?::timestamptz) "
            + "OR (phase = 'final' AND as_of = ?::timestamptz)";

    private static TestDatabase failing;
    private static TestDatabase uninterrupted;
    private static Instant since;
    private static Instant until;
    private static Instant failedClose;

    @BeforeAll
    static void createDatabases() {
        until = RecentGoals.anchor();
        TestDatabase[] databases = RecentGoals.twoDatabases(CatchUpFailureIT.class, 30, "America/Chicago",
                "Asia/Kolkata");
        failing = databases[0];
        uninterrupted = databases[1];
        since = until.minus(Duration.ofDays(4));
        failedClose = chicagoMidnight(-3);
    }

    @AfterAll
    static void dropDatabases() {
        failing.close();
        uninterrupted.close();
    }

    @Test
    void oneFailingCloseBlocksOnlyItsFinalAndTheNextCatchUpCompletesBoth() {
        // given a close that fails, and the same data caught up without failure
        failing.refuseCloseRows(failedClose);
        assertThat(catchUp(uninterrupted).exitCode()).isZero();
        String close = "close@" + failedClose;
        String itsFinal = "final@" + failedClose.plus(SETTLE);
        assertThat(instances(uninterrupted)).as("the uninterrupted run").contains(close, itsFinal).hasSizeGreaterThan(12);

        // when catch-up runs over the failing close
        Cli.Result first = catchUp(failing);

        // then every other instance completed, the close and its final wrote nothing, and it exits 1 naming both
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        assertSameRowsOutsideTheFailedInstances();
        assertThat(first.out()).contains("failed: " + close).contains("are refused)")
                .contains("waiting for its close or final: " + itsFinal);
        assertThat(executionsOf(failing, "final", failedClose.plus(SETTLE))).as("the final was not run").isZero();

        // when the cause is gone and catch-up runs again
        failing.acceptCloseRows();
        Cli.Result second = catchUp(failing);

        // then the close and its final completed, and the tables are those of the uninterrupted run
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains(" 2 ran, ").doesNotContain("failed");
        assertSameResults(failing, uninterrupted);
    }

    private static Cli.Result catchUp(TestDatabase db) {
        return Cli.run(db, "catch-up", "--since=" + since, "--until=" + until);
    }

    /** The failing database has no row of the failed close or its final, and every other row of the other. */
    private static void assertSameRowsOutsideTheFailedInstances() {
        Object[] instants = {failedClose.toString(), failedClose.plus(SETTLE).toString()};
        for (String table : TableAssert.RESULT_TABLES) {
            TableAssert.assertThat(TableRows.read(failing, table, OF_FAILED, instants)).hasRowCount(0);
            TableAssert.assertThat(TableRows.read(failing, table, "NOT (" + OF_FAILED + ")", instants))
                    .hasSameRowsAs(uninterrupted);
        }
    }

    private static Set<String> instances(TestDatabase db) {
        return new TreeSet<>(db.jdbc().queryForList(INSTANCES, String.class));
    }

    private static long executionsOf(TestDatabase db, String phase, Instant asOf) {
        return db.jdbc().queryForObject("""
                SELECT count(*) FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS ph ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
                JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
                WHERE ph.PARAMETER_VALUE = ? AND CAST(a.PARAMETER_VALUE AS timestamptz) = ?::timestamptz
                """, Long.class, phase, asOf.toString());
    }

    /** Chicago's local midnight {@code days} from the day of {@code until}. */
    private static Instant chicagoMidnight(int days) {
        LocalDate today = until.atZone(CHICAGO).toLocalDate();
        return today.plusDays(days).atStartOfDay(CHICAGO).toInstant();
    }
}
