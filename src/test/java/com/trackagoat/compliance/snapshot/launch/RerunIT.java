package com.trackagoat.compliance.snapshot.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.BulkGoals;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TableAssert;
import com.trackagoat.compliance.support.TableRows;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * {@code rerun} after a fix of the source data leaves exactly the rows of a first run on the fixed data, with
 * one job instance and one COMPLETED execution, and leaves other instances alone.
 */
class RerunIT {

    private static final int GOALS = 3_000;
    private static final String AS_OF = "--as-of=" + BulkGoals.CLOSE_AT;
    private static final String SNAPSHOTS = "goal_compliance_snapshots";
    private static final String FIX = "UPDATE videos SET views = views * 3 WHERE creator_id::text < '4'";

    private static TestDatabase rerun;
    private static TestDatabase fixedFirst;

    @BeforeAll
    static void createDatabases() {
        rerun = BulkGoals.database(RerunIT.class, GOALS);
        fixedFirst = BulkGoals.database(RerunIT.class, GOALS);
        fixedFirst.jdbc().update(FIX);
    }

    @AfterAll
    static void dropDatabases() {
        rerun.close();
        fixedFirst.close();
    }

    @Test
    void rerunAfterFixingSourceDataWritesTheRowsOfAFirstRunOnTheFixedData() {
        // given a completed close and nightly, then a fix of the source data
        assertThat(Cli.run(rerun, "run", "--phase=close", AS_OF).exitCode()).isZero();
        assertThat(Cli.run(rerun, "run", "--phase=nightly", AS_OF).exitCode()).isZero();
        TableRows nightlyBefore = phase(rerun, "nightly");
        TableRows before = TableRows.read(rerun, SNAPSHOTS);
        rerun.jdbc().update(FIX);

        // when the close is re-run
        Cli.Result result = Cli.run(rerun, "rerun", "--phase=close", AS_OF);

        // then its rows are those of a first run on the fixed data, and the nightly is untouched
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("close@" + BulkGoals.CLOSE_AT + ": completed");
        assertThat(Cli.run(fixedFirst, "run", "--phase=close", AS_OF).exitCode()).isZero();
        assertThat(Cli.run(fixedFirst, "run", "--phase=nightly", AS_OF).exitCode()).isZero();
        TableAssert.assertThat(phase(rerun, "close")).hasSameRowsAs(fixedFirst);
        TableAssert.assertThat(TableRows.read(rerun, SNAPSHOTS)).differsFrom(before);
        TableAssert.assertThat(phase(rerun, "nightly")).hasSameRowsAs(nightlyBefore);
        assertThat(rerun.jdbc().queryForList("""
                SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
                  ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'phase'
                WHERE p.PARAMETER_VALUE = 'close'
                """, String.class)).containsExactly("COMPLETED");
        assertThat(rerun.jdbc().queryForObject("""
                SELECT count(DISTINCT job_execution_id) FROM goal_compliance_snapshots WHERE phase = 'close'
                """, Long.class)).isOne();
    }

    private static TableRows phase(TestDatabase db, String phase) {
        return TableRows.read(db, SNAPSHOTS, "phase = ?", phase);
    }
}
