package com.trackagoat.compliance.snapshot.runs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a due snapshot job instance stands (data-contract.md, {@code status}), from its executions in the job
 * repository, oldest first:
 * <ul>
 * <li>{@code completed}: an execution completed. One ABANDONED counts too: Spring Batch never restarts an
 * abandoned instance and catch-up plans it as done, so it is as finished as it will get; its execution still
 * shows the status {@code ABANDONED}.</li>
 * <li>{@code failed}: the last execution failed, or lost its database while it ran ({@code UNKNOWN}).</li>
 * <li>{@code running}: the last execution is starting or started. One left {@code STARTED} by a process that
 * died shows here until the next run recovers it.</li>
 * <li>{@code stopped}: the last execution was stopped (shutdown) or is stopping; the next run resumes it.</li>
 * <li>{@code waiting}: never ran, and it is a final whose close (a restatement whose final) has not completed.</li>
 * <li>{@code missing}: never ran, and nothing holds it back.</li>
 * </ul>
 */
public enum RunState {
    COMPLETED, FAILED, RUNNING, STOPPED, WAITING, MISSING;

    private static final Set<String> DONE = Set.of("COMPLETED", "ABANDONED");
    private static final Set<String> RUNS = Set.of("STARTING", "STARTED");
    private static final Set<String> STOPS = Set.of("STOPPING", "STOPPED");

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The state's word in {@code status} and the admin API. */
    public String code() {
        return code;
    }

    public static Optional<RunState> parse(String code) {
        return Arrays.stream(values()).filter(state -> state.code.equals(code)).findFirst();
    }

    /** Whether an execution with this Spring Batch status finished the instance. */
    static boolean completes(String status) {
        return DONE.contains(status);
    }

    /**
     * @param executions     the instance's executions, oldest first
     * @param waitsForClose  whether it is a final whose close (a restatement whose final) has not completed
     */
    static RunState of(List<RunExecution> executions, boolean waitsForClose) {
        if (executions.isEmpty()) {
            return waitsForClose ? WAITING : MISSING;
        }
        if (executions.stream().anyMatch(execution -> completes(execution.status()))) {
            return COMPLETED;
        }
        String last = executions.get(executions.size() - 1).status();
        if (RUNS.contains(last)) {
            return RUNNING;
        }
        return STOPS.contains(last) ? STOPPED : FAILED; // FAILED, UNKNOWN
    }
}
