package com.trackagoat.compliance.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * Runs every snapshot job instance due in a range that has not completed, oldest first, resuming unfinished
 * ones; stops at the first failure so that nothing runs ahead of a job it depends on, and at shutdown.
 */
public class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    private final SnapshotJobLauncher launcher;
    private final SnapshotJobHistory history;
    private final JdbcTemplate jdbc;
    private final GoalComplianceProperties properties;
    private final Clock clock;
    private final GracefulStop gracefulStop;

    CatchUp(SnapshotJobLauncher launcher, SnapshotJobHistory history, JdbcTemplate jdbc,
            GoalComplianceProperties properties, Clock clock, GracefulStop gracefulStop) {
        this.launcher = launcher;
        this.history = history;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.gracefulStop = gracefulStop;
    }

    /** How a catch-up ended. */
    public enum Ending {
        /** Every due instance has completed. */
        DONE,
        /** It stopped at a job that failed (or could not run yet); the next catch-up resumes there. */
        FAILED,
        /** Shutdown stopped it; the next catch-up resumes there. */
        STOPPED
    }

    /** What a catch-up did. */
    public record Summary(Instant since, Instant until, int due, int ran, int alreadyComplete, Ending ending) {

        public boolean failed() {
            return ending != Ending.DONE;
        }

        @Override
        public String toString() {
            return "catch-up (" + since + ", " + until + "]: " + due + " snapshot jobs due, " + ran + " ran, "
                    + alreadyComplete + " had already completed" + switch (ending) {
                        case DONE -> "";
                        case FAILED -> "; stopped at a failed job";
                        case STOPPED -> "; stopped by shutdown";
                    };
        }
    }

    /**
     * The {@code catch-up} command (data-contract.md).
     *
     * @param since exclusive start; default: the last completed instant up to {@code until} (one run ahead of
     *              time is ignored), or the look-back before {@code until} on a new database
     * @param until inclusive end; default: now
     */
    public Summary run(Optional<Instant> since, Optional<Instant> until) {
        Instant to = until.orElseGet(clock::instant);
        Instant from = since.orElseGet(() -> history.lastCompleted(to).orElseGet(() -> lookBack(to)));
        return run(from, to);
    }

    /**
     * What {@code serve} runs at a tick: every instance due in the look-back before {@code now} (or since the
     * last completed instant, when that is older) that has not completed. Unlike the command's default start,
     * this also fills a gap behind the last completed instant: a phase of that instant that never ran, or
     * instants skipped by a hand-run of a later one.
     */
    public Summary runDue(Instant now) {
        return run(dueSince(now), now);
    }

    private Summary run(Instant from, Instant to) {
        Plan plan = plan(from, to);
        List<SnapshotJobParameters> pending = plan.pending();
        int ran = 0;
        int skipped = plan.due().size() - pending.size();
        if (pending.isEmpty()) {
            log.debug("catch-up ({}, {}]: nothing due", from, to);
            return new Summary(from, to, plan.due().size(), ran, skipped, Ending.DONE);
        }
        log.info("catch-up ({}, {}]: {} snapshot jobs due, {} to run", from, to, plan.due().size(), pending.size());
        for (SnapshotJobParameters instance : pending) {
            if (gracefulStop.stopping()) {
                log.info("catch-up stopped by shutdown before {}; the next run resumes from there", instance);
                return new Summary(from, to, plan.due().size(), ran, skipped, Ending.STOPPED);
            }
            SnapshotJobLauncher.Result result = launcher.run(instance);
            switch (result) {
                case COMPLETED -> ran++;
                case ALREADY_COMPLETE -> skipped++;
                case STOPPED -> {
                    return new Summary(from, to, plan.due().size(), ran, skipped, Ending.STOPPED);
                }
                case FAILED, CLOSE_NOT_COMPLETE -> {
                    log.error("catch-up stopped at {}: {}; the next run resumes from there", instance, result);
                    return new Summary(from, to, plan.due().size(), ran, skipped, Ending.FAILED);
                }
            }
        }
        log.info("catch-up ({}, {}] done: {} jobs ran, {} had already completed", from, to, ran, skipped);
        return new Summary(from, to, plan.due().size(), ran, skipped, Ending.DONE);
    }

    /** The oldest snapshot job instance due by {@code now} that has not completed, if any. */
    public Optional<SnapshotJobParameters> oldestPending(Instant now) {
        return plan(dueSince(now), now).pending().stream().findFirst();
    }

    private Instant dueSince(Instant now) {
        Instant lookBack = lookBack(now);
        return history.lastCompleted(now).map(last -> last.minusMillis(1)).filter(lookBack::isAfter)
                .orElse(lookBack);
    }

    private Instant lookBack(Instant until) {
        return until.minus(properties.getCatchUp().getLookBack());
    }

    /** The instances due in a range (and unfinished ones up to its end), oldest first, and those not completed. */
    private record Plan(List<SnapshotJobParameters> due, List<SnapshotJobParameters> pending) {
    }

    private Plan plan(Instant from, Instant to) {
        // One read of the history: completed closes one settle delay back decide which finals are due.
        Set<SnapshotJobParameters> completed = history.completed(from.minus(properties.getSettleDelay()), to);
        Set<Instant> completedCloses = completed.stream()
                .filter(instance -> instance.phase() == Phase.CLOSE)
                .map(SnapshotJobParameters::asOf)
                .collect(Collectors.toSet());
        List<SnapshotJobParameters> due = new ArrayList<>(CatchUpPlanner.plan(ScheduledZones.load(jdbc), from, to,
                properties.getSettleDelay(), completedCloses));
        for (SnapshotJobParameters unfinished : history.unfinished()) {
            if (!unfinished.asOf().isAfter(to) && !due.contains(unfinished)) {
                due.add(unfinished);
            }
        }
        due.sort(CatchUpPlanner.ORDER);
        return new Plan(due, due.stream().filter(instance -> !completed.contains(instance)).toList());
    }
}
