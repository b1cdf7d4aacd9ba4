package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunExecution;
import com.trackagoat.compliance.snapshot.runs.RunProgress;
import com.trackagoat.compliance.snapshot.runs.RunState;

/** {@code status}'s table, for people: what needs a look first, then the rest of the range oldest first. */
final class StatusTable {

    private static final String ROW = "%-11s %-21s %-9s %9s %8s %9s  %s";
    private static final int NOTE_LENGTH = 160;
    /** The order of the table's groups: failed, then running and waiting, then the rest (oldest first). */
    private static final Map<RunState, Integer> GROUP = new EnumMap<>(Map.of(RunState.FAILED, 0,
            RunState.RUNNING, 1, RunState.WAITING, 1));

    private StatusTable() {
    }

    /** What {@code status} prints after the table: the lag, counted from the oldest pending instance, and what comes next. */
    record Outlook(Instant now, Duration lag, Optional<SnapshotJobParameters> oldestPending, Optional<Instant> nextDue) {
    }

    static void print(Instant since, Instant until, List<InstanceRun> runs, Outlook outlook, PrintStream out) {
        out.println("snapshot jobs due in (" + since + ", " + until + "]: " + runs.size() + counts(runs));
        if (!runs.isEmpty()) {
            out.println(String.format(Locale.ROOT, ROW, "PHASE", "AS OF", "STATE", "GOALS", "REJECTS", "DURATION",
                    "NOTE").stripTrailing());
            List<InstanceRun> ordered = new ArrayList<>(runs); // stable: oldest first within a group
            ordered.sort(Comparator.comparingInt(run -> GROUP.getOrDefault(run.state(), 2)));
            ordered.forEach(run -> out.println(row(run)));
        }
        out.println("lag: " + (outlook.lag().isZero() ? "0 s (every due instance has completed)"
                : duration(outlook.lag()) + outlook.oldestPending().map(p -> " (oldest not completed: " + p + ")")
                        .orElse("")));
        out.println("next due: " + outlook.nextDue().map(at -> at + " (in " + duration(Duration.between(outlook.now(), at))
                + ")").orElse("none (no organization is scheduled)"));
    }

    private static String counts(List<InstanceRun> runs) {
        Map<RunState, Long> counts = new EnumMap<>(RunState.class);
        runs.forEach(run -> counts.merge(run.state(), 1L, Long::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach((state, n) -> text.append(text.isEmpty() ? " (" : ", ").append(n).append(' ').append(state.code()));
        return text.isEmpty() ? "" : text.append(')').toString();
    }

    private static String row(InstanceRun run) {
        boolean ran = !run.executions().isEmpty();
        Duration spent = run.executions().stream().map(RunExecution::duration).filter(d -> d != null)
                .reduce(Duration.ZERO, Duration::plus);
        return String.format(Locale.ROOT, ROW, run.instance().phase().code(), run.instance().asOf(),
                run.state().code(), ran ? run.snapshots() + run.rejects() : "-", ran ? run.rejects() : "-",
                ran ? duration(spent) : "-", note(run)).stripTrailing();
    }

    private static String note(InstanceRun run) {
        String note = switch (run.state()) {
            case FAILED -> run.last().map(RunExecution::exitMessage).map(StatusTable::firstLine).orElse("");
            case RUNNING -> run.progress().map(StatusTable::progress).orElse("");
            case WAITING -> "waits for the close it settles to complete";
            case STOPPED -> "stopped; the next run resumes it";
            case MISSING -> "never ran";
            case COMPLETED -> "";
        };
        int executions = run.executions().size();
        String tries = executions > 1 ? executions + " executions" : "";
        String all = tries.isEmpty() ? note : note.isEmpty() ? tries : tries + "; " + note;
        return all.length() <= NOTE_LENGTH ? all : all.substring(0, NOTE_LENGTH - 1) + "…";
    }

    private static String progress(RunProgress progress) {
        return progress.goalsDone() + " goals done, " + String.format(Locale.ROOT, "%.1f", progress.goalsPerSecond())
                + " goals/s" + (progress.secondsLeft() == null ? ""
                : ", about " + duration(Duration.ofSeconds(progress.secondsLeft())) + " left");
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("").strip();
    }

    /** Short and readable: 0.4 s, 12 s, 3 min 5 s, 2 h 3 min, 3 d 19 h. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }
}
