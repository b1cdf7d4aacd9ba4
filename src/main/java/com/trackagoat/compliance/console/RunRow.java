package com.trackagoat.compliance.console;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunExecution;
import com.trackagoat.compliance.snapshot.runs.RunProgress;

/**
 * One instance as a line of a console list: what links to its Run page, its state, and its latest execution's
 * figures, already written for people (escaping is the template's, {@code th:text}).
 */
record RunRow(String phase, String asOf, String shown, String state, String exitMessage, String cause, String goalsRead,
              String snapshots, String rejects, String duration, String started, int executions, Progress progress) {

    /** A running instance's progress: a bar of {@code done} out of {@code total} (null when not known) and its words. */
    record Progress(long done, Long total, String text) {

        static Progress of(RunProgress p) {
            Long total = p.secondsLeft() == null ? null
                    : p.goalsDone() + Math.round(p.goalsPerSecond() * p.secondsLeft());
            String text = Show.count(p.goalsDone()) + " goals done, " + String.format(java.util.Locale.ROOT, "%.0f",
                    p.goalsPerSecond()) + " goals/s"
                    + (p.secondsLeft() == null ? "" : ", about " + Show.duration(java.time.Duration.ofSeconds(
                            p.secondsLeft())) + " left");
            return new Progress(p.goalsDone(), total, text);
        }
    }

    static RunRow of(InstanceRun run) {
        Optional<RunExecution> last = latest(run.executions());
        return new RunRow(run.instance().phase().code(), run.instance().asOf().toString(),
                Show.instant(run.instance().asOf()), run.state().code(),
                last.map(RunExecution::exitMessage).orElse(""), last.map(e -> firstLine(e.exitMessage())).orElse(""),
                last.map(e -> Show.count(e.goalsRead())).orElse(""), last.map(e -> Show.count(e.snapshots())).orElse(""),
                last.map(e -> Show.count(e.rejects())).orElse(""), last.map(e -> Show.duration(e.duration())).orElse(""),
                last.map(e -> Show.time(e.startTime())).orElse(""), run.executions().size(),
                run.progress().map(Progress::of).orElse(null));
    }

    /** An exit message's first line: the cause, without the stack trace the Run page shows. */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    static Optional<RunExecution> latest(List<RunExecution> executions) {
        return executions.stream().max(Comparator.comparingLong(RunExecution::id));
    }
}
