package com.trackagoat.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunState;

class CoverageGridTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-05-25T05:00:00Z");
    private static final Instant SETTLED = Instant.parse("2026-05-27T05:00:00Z");

    @Test
    void rowsAreInstantsNewestFirstWithACellPerPhaseAndNoneWhereNothingIsDue() {
        CoverageGrid grid = CoverageGrid.of(List.of(run(Phase.CLOSE, MIDNIGHT, RunState.FAILED),
                run(Phase.NIGHTLY, MIDNIGHT, RunState.COMPLETED), run(Phase.FINAL, SETTLED, RunState.WAITING)));

        assertThat(grid.rows()).extracting(CoverageGrid.Row::shown)
                .containsExactly("2026-05-27 05:00Z", "2026-05-25 05:00Z");
        assertThat(grid.rows().get(0).cells()).extracting(CoverageGrid.Cell::state)
                .containsExactly(null, null, "waiting", null);
        assertThat(grid.rows().get(1).cells()).extracting(CoverageGrid.Cell::phase, CoverageGrid.Cell::state)
                .containsExactly(tuple("close", "failed"),
                        tuple("nightly", "completed"),
                        tuple("final", null),
                        tuple("restatement", null));
        assertThat(grid.rows().get(1).cells().get(0).asOf()).isEqualTo("2026-05-25T05:00:00Z");
    }

    @Test
    void theLegendCountsEveryStateInOrderZerosIncluded() {
        CoverageGrid grid = CoverageGrid.of(List.of(run(Phase.CLOSE, MIDNIGHT, RunState.FAILED),
                run(Phase.NIGHTLY, MIDNIGHT, RunState.FAILED), run(Phase.FINAL, SETTLED, RunState.WAITING)));

        assertThat(grid.legend()).extracting(CoverageGrid.LegendEntry::state, CoverageGrid.LegendEntry::count)
                .containsExactly(tuple("completed", 0L),
                        tuple("failed", 2L),
                        tuple("running", 0L),
                        tuple("stopped", 0L),
                        tuple("waiting", 1L),
                        tuple("missing", 0L));
    }

    private static InstanceRun run(Phase phase, Instant asOf, RunState state) {
        return new InstanceRun(new SnapshotJobParameters(phase, asOf), state, List.of(), Optional.empty());
    }
}
