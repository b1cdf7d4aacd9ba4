package com.trackagoat.compliance.snapshot.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.snapshot.job.SnapshotJobConfiguration;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * The snapshot jobs' run history as data, for {@code status} and the admin API: every instance catch-up plans
 * in a range, with its {@link RunState}, its executions and, while it runs, its progress. A range costs the
 * plan's queries and one query of the job repository, however many instances it holds.
 */
public class RunHistory {

    /** A day of every zone, a DST change included, holds a midnight: the next due instant lies within two. */
    private static final Duration NEXT_DUE_HORIZON = Duration.ofDays(2);

    private final CatchUp catchUp;
    private final JobExecutions executions;
    private final GoalComplianceProperties properties;
    private final Clock clock;

    RunHistory(CatchUp catchUp, JobExecutions executions, GoalComplianceProperties properties, Clock clock) {
        this.catchUp = catchUp;
        this.executions = executions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Every instance due in {@code (from, to]} (the plan {@code catch-up} makes of it, unfinished instances of
     * the range included), oldest first, in the order catch-up runs them.
     */
    public List<InstanceRun> runs(Instant from, Instant to) {
        List<SnapshotJobParameters> due = catchUp.due(from, to).stream()
                .filter(instance -> instance.asOf().isAfter(from)).toList();
        // Reaching one settle delay further back finds the closes of the range's finals, one restatement delay
        // more the finals of its restatements.
        Map<SnapshotJobParameters, List<JobExecutions.Row>> ran = executions.between(
                from.minus(properties.getSettleDelay()).minus(properties.getRestatementDelay()), to);
        Instant now = clock.instant();
        return due.stream().map(instance -> run(instance, ran, now)).toList();
    }

    /** One instance, also one that is not due; empty when it is neither planned nor ever ran. */
    public Optional<InstanceRun> run(SnapshotJobParameters instance) {
        Instant from = prerequisiteOf(instance).map(SnapshotJobParameters::asOf).orElse(instance.asOf())
                .minusNanos(1000);
        Map<SnapshotJobParameters, List<JobExecutions.Row>> ran = executions.between(from, instance.asOf());
        if (!ran.containsKey(instance) && !catchUp.due(from, instance.asOf()).contains(instance)) {
            return Optional.empty();
        }
        return Optional.of(run(instance, ran, clock.instant()));
    }

    /** The default start of a range: one look-back ({@code goal-compliance.catch-up.look-back}) before now. */
    public Instant lookBackStart(Instant now) {
        return now.minus(properties.getCatchUp().getLookBack());
    }

    /**
     * The age of the oldest instance due by {@code now} that has not completed (zero when none), as the
     * {@code goal_compliance_snapshot_lag_seconds} gauge reckons it.
     */
    public Duration lag(Instant now) {
        return oldestPending(now).map(pending -> Duration.between(pending.asOf(), now))
                .filter(age -> !age.isNegative()).orElse(Duration.ZERO);
    }

    /** The oldest instance due by {@code now} that has not completed: the one the lag is counted from. */
    public Optional<SnapshotJobParameters> oldestPending(Instant now) {
        return catchUp.oldestPending(now);
    }

    /** The first instant after {@code now} at which an instance falls due; empty when no organization exists. */
    public Optional<Instant> nextDue(Instant now) {
        return catchUp.due(now, now.plus(NEXT_DUE_HORIZON)).stream().map(SnapshotJobParameters::asOf)
                .filter(now::isBefore).min(Instant::compareTo);
    }

    private InstanceRun run(SnapshotJobParameters instance, Map<SnapshotJobParameters, List<JobExecutions.Row>> ran,
                            Instant now) {
        List<JobExecutions.Row> rows = ran.getOrDefault(instance, List.of());
        List<RunExecution> runs = rows.stream().map(row -> execution(row, now)).toList();
        boolean waitsForClose = prerequisiteOf(instance).map(before -> ran.getOrDefault(before, List.of())
                .stream().noneMatch(row -> RunState.completes(row.status()))).orElse(false);
        RunState state = RunState.of(runs, waitsForClose);
        Optional<RunProgress> progress = state == RunState.RUNNING
                ? Optional.of(progress(rows.get(rows.size() - 1), now)) : Optional.empty();
        return new InstanceRun(instance, state, runs, progress);
    }

    private static RunExecution execution(JobExecutions.Row row, Instant now) {
        Instant end = row.end() != null ? row.end() : now;
        Duration duration = row.start() == null || end.isBefore(row.start()) ? null : Duration.between(row.start(), end);
        return new RunExecution(row.id(), row.status(), row.start(), row.end(), duration, row.goalsRead(),
                row.snapshots(), row.rejects(), row.exitMessage(), row.partitions());
    }

    /** At the rate since the execution started, the rest of its ranges takes {@code elapsed · left / done}. */
    static RunProgress progress(JobExecutions.Row row, Instant now) {
        long done = row.snapshots() + row.rejects();
        double seconds = row.start() == null ? 0 : Math.max(0, Duration.between(row.start(), now).toMillis()) / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        Long left = row.idsDone() == null || row.idsLeft() == null || row.idsDone() <= 0 || seconds <= 0 ? null
                : Math.round(seconds * row.idsLeft() / row.idsDone());
        return new RunProgress(done, rate, left);
    }

    /** What an instance waits for: a final its close, a restatement its final. */
    private Optional<SnapshotJobParameters> prerequisiteOf(SnapshotJobParameters instance) {
        return switch (instance.phase()) {
            case FINAL -> Optional.of(new SnapshotJobParameters(Phase.CLOSE,
                    SnapshotJobConfiguration.closedAt(instance.asOf(), properties)));
            case RESTATEMENT -> Optional.of(new SnapshotJobParameters(Phase.FINAL,
                    SnapshotJobConfiguration.finalOf(instance.asOf(), properties)));
            case CLOSE, NIGHTLY -> Optional.empty();
        };
    }
}
