package com.trackagoat.compliance.snapshot.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/** An instance's state from its executions' statuses, and a running one's progress. */
class RunStateTest {

    private static final Instant START = Instant.parse("2026-06-01T05:00:10Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"COMPLETED, completed", "FAILED COMPLETED, completed", "ABANDONED, completed",
            "COMPLETED FAILED, completed", "FAILED, failed", "STOPPED FAILED, failed", "UNKNOWN, failed",
            "STARTING, running", "FAILED STARTED, running", "STOPPING, stopped", "FAILED STOPPED, stopped"})
    void theStateFollowsAnyCompletionElseTheLastExecution(String statuses, String state) {
        List<RunExecution> executions = Arrays.stream(statuses.split(" ")).map(RunStateTest::execution).toList();

        assertThat(RunState.of(executions, false).code()).isEqualTo(state);
        assertThat(RunState.of(executions, true).code()).as("a final whose close has not completed").isEqualTo(state);
    }

    @Test
    void anInstanceThatNeverRanWaitsForItsCloseOrIsMissing() {
        assertThat(RunState.of(List.of(), true)).isEqualTo(RunState.WAITING);
        assertThat(RunState.of(List.of(), false)).isEqualTo(RunState.MISSING);
    }

    @Test
    void codesParseBack() {
        for (RunState state : RunState.values()) {
            assertThat(RunState.parse(state.code())).contains(state);
        }
        assertThat(RunState.parse("FAILED")).isEmpty();
    }

    @Test
    void progressIsTheCommittedGoalsTheirRateAndTheRestOfTheRangesAtThatRate() {
        // two partitions, one from 0 to 0.5 of its ids, one resumed at 0.2 and now at 0.45, 20 s after the start
        JobExecutions.Row row = row(300, 100, 0.5 + 0.55, 0.5 + 0.25);

        RunProgress progress = RunHistory.progress(row, START.plusSeconds(20));

        assertThat(progress.goalsDone()).isEqualTo(400);
        assertThat(progress.goalsPerSecond()).isEqualTo(20.0);
        assertThat(progress.secondsLeft()).isEqualTo(28L); // 20 s for 0.75 of the ranges, 1.05 left
    }

    @Test
    void secondsLeftAreUnknownUntilAChunkCommitted() {
        assertThat(RunHistory.progress(row(0, 0, 2.0, 0.0), START.plusSeconds(5)).secondsLeft()).isNull();
        assertThat(RunHistory.progress(row(0, 0, null, null), START.plusSeconds(5)).secondsLeft()).isNull();
    }

    private static JobExecutions.Row row(long snapshots, long rejects, Double idsLeft, Double idsDone) {
        return new JobExecutions.Row(new SnapshotJobParameters(Phase.CLOSE, Instant.parse("2026-06-01T05:00:00Z")), 7,
                "STARTED", START, null, snapshots + rejects, snapshots, rejects, null, 2, idsLeft, idsDone);
    }

    private static RunExecution execution(String status) {
        return new RunExecution(1, status, START, null, null, 0, 0, 0, null, 1);
    }
}
