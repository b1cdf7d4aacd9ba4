package com.trackagoat.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The table assertion itself, on two databases closed from the same bulk goals: it passes on the same rows
 * whatever the per-run columns say, and when one row is changed, one deleted and one added, its message
 * names each of them by key and the changed columns with both values.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableAssertIT {

    private static final int GOALS = 20;
    private static final String SNAPSHOTS = "goal_compliance_snapshots";

    private static TestDatabase reference;
    private static TestDatabase copy;
    private static String changedGoal;
    private static String deletedGoal;

    @BeforeAll
    static void closeTwice() {
        reference = BulkGoals.database(TableAssertIT.class, GOALS);
        copy = BulkGoals.database(TableAssertIT.class, GOALS);
        for (TestDatabase db : new TestDatabase[] {reference, copy}) {
            assertThat(Cli.run(db, "run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT).exitCode()).isZero();
        }
        changedGoal = goal(copy, 0);
        deletedGoal = goal(copy, 1);
    }

    @AfterAll
    static void dropDatabases() {
        reference.close();
        copy.close();
    }

    @Test
    @Order(1)
    void theSameRowsWrittenAtAnotherTimeByAnotherExecutionAreTheSame() {
        copy.jdbc().update("UPDATE goal_compliance_snapshot_writes SET evaluated_at = now(), job_execution_id = 999");

        assertThat(TableAssert.assertSameResults(copy, reference)).isEqualTo(GOALS);
    }

    @Test
    @Order(2) // changes the copy, so after the test that needs it equal to the reference
    void aChangedAMissingAndAnExtraRowAreEachNamedWithWhatDiffers() {
        // given a copy with one row changed, one deleted and one added
        TableRows before = TableRows.read(copy, SNAPSHOTS);
        long actual = copy.jdbc().queryForObject(
                "SELECT actual FROM goal_compliance_snapshots WHERE goal_id = ?::uuid", Long.class, changedGoal);
        copy.jdbc().update("""
                UPDATE goal_compliance_snapshot_rows SET actual = actual + 1,
                       status = goal_compliance_status_code('missed')
                WHERE goal_id = ?::uuid
                """, changedGoal);
        copy.jdbc().update("DELETE FROM goal_compliance_snapshot_rows WHERE goal_id = ?::uuid", deletedGoal);
        copy.jdbc().queryForList("""
                SELECT DISTINCT goal_compliance_snapshot_partition('nightly', as_of)
                FROM goal_compliance_snapshot_rows WHERE goal_id = ?::uuid
                """, changedGoal);
        copy.jdbc().update("""
                INSERT INTO goal_compliance_snapshot_rows
                SELECT as_of, period_start, period_end, actual, goal_id, project_id, terms_id,
                       percentage, write_id, status, advisory_flags, 'nightly', last_scraped_at,
                       goal_start_date, close_actual, close_status, advisory_original
                FROM goal_compliance_snapshot_rows WHERE goal_id = ?::uuid
                """, changedGoal);

        // then the assertion fails naming each row and the changed columns
        assertThatThrownBy(() -> TableAssert.assertThatTable(copy, SNAPSHOTS).hasSameRowsAs(reference))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("goal_compliance_snapshots differs (rows matched by goal_id, phase, as_of")
                .hasMessageContaining("expected 20 rows, actual 20; 1 missing, 1 extra, 1 differing")
                .hasMessageContaining("differing:\n  goal_id=" + changedGoal + ", phase=close, as_of=")
                .hasMessageContaining("actual: expected " + actual + " but was " + (actual + 1))
                .hasMessageContaining("status: expected ")
                .hasMessageContaining("but was missed")
                .hasMessageContaining("missing (expected, not in actual):\n  goal_id=" + deletedGoal + ", phase=close")
                .hasMessageContaining("extra (in actual, not expected):\n  goal_id=" + changedGoal + ", phase=nightly")
                .satisfies(e -> System.out.println("TableAssert message:\n" + e.getMessage()));
        assertThatThrownBy(() -> TableAssert.assertThat(before.readFrom(copy)).hasRowCount(GOALS + 1))
                .hasMessage("expected goal_compliance_snapshots to have 21 rows but it has 20");
        TableAssert.assertThat(before.readFrom(copy)).differsFrom(before);
        assertThatThrownBy(() -> TableAssert.assertThat(before).differsFrom(before))
                .hasMessageContaining("but its 20 rows are the same");
    }

    private static String goal(TestDatabase db, int index) {
        return db.jdbc().queryForObject("SELECT goal_id::text FROM goal_compliance_snapshots ORDER BY goal_id "
                + "OFFSET ? LIMIT 1", String.class, index);
    }
}
