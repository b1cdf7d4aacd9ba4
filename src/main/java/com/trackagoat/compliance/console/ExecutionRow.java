package com.trackagoat.compliance.console;

import com.trackagoat.compliance.snapshot.runs.RunExecution;

/** One execution of an instance, as the Run page's table shows it. */
record ExecutionRow(long id, String status, String started, String ended, String duration, String goalsRead,
                    String snapshots, String rejects, int partitions, String exitMessage) {

    static ExecutionRow of(RunExecution e) {
        return new ExecutionRow(e.id(), e.status(), Show.time(e.startTime()), Show.time(e.endTime()),
                Show.duration(e.duration()), Show.count(e.goalsRead()), Show.count(e.snapshots()),
                Show.count(e.rejects()), e.partitions(), e.exitMessage() == null ? "" : e.exitMessage());
    }
}
