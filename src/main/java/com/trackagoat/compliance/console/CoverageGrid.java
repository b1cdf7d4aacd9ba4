package com.trackagoat.compliance.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunState;

/**
 * The Coverage page's grid: one row per due instant, newest first, one column per phase; a cell holds the
 * state of the instance due there, or nothing (finals and restatements are due at other instants than closes and nightlies).
 * The legend counts the instances of each state.
 */
record CoverageGrid(List<Row> rows, List<LegendEntry> legend) {

    /** The columns, in the order an instant's jobs run. */
    static final List<Phase> PHASES = List.of(Phase.CLOSE, Phase.NIGHTLY, Phase.FINAL, Phase.RESTATEMENT);

    record Row(String shown, List<Cell> cells) {
    }

    /** An instance's cell; {@code state} null where no instance of that phase is due at that instant. */
    record Cell(String phase, String asOf, String state) {

        public boolean due() {
            return state != null;
        }
    }

    record LegendEntry(String state, long count) {
    }

    static CoverageGrid of(List<InstanceRun> runs) {
        Map<Instant, Map<Phase, RunState>> byInstant = new TreeMap<>(Comparator.reverseOrder());
        Map<RunState, Long> counts = new EnumMap<>(RunState.class);
        for (InstanceRun run : runs) {
            byInstant.computeIfAbsent(run.instance().asOf(), at -> new EnumMap<>(Phase.class))
                    .put(run.instance().phase(), run.state());
            counts.merge(run.state(), 1L, Long::sum);
        }
        List<Row> rows = new ArrayList<>();
        byInstant.forEach((at, states) -> rows.add(new Row(Show.instant(at), PHASES.stream().map(phase -> new Cell(
                phase.code(), at.toString(), states.containsKey(phase) ? states.get(phase).code() : null)).toList())));
        List<LegendEntry> legend = new ArrayList<>();
        for (RunState state : RunState.values()) {
            legend.add(new LegendEntry(state.code(), counts.getOrDefault(state, 0L)));
        }
        return new CoverageGrid(rows, legend);
    }
}
