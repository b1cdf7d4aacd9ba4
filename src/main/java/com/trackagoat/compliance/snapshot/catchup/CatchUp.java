package com.trackagoat.compliance.snapshot.catchup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.GracefulStop;
import com.trackagoat.compliance.snapshot.job.SnapshotJobConfiguration;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.launch.SnapshotJobLauncher;
import com.trackagoat.compliance.source.ScheduledZones;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * Runs every snapshot job instance due in a range that has not completed, oldest first, resuming unfinished
 * ones. A failed instance does not stop it: every other instance still runs, and only the final that settles a
 * failed close waits (data-contract.md, "Failures stay where they are"). Shutdown stops it between instances.
 */
public class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    private final SnapshotJobLauncher launcher;
    private final SnapshotJobHistory history;
    private final JdbcTemplate jdbc;
    private final GoalComplianceProperties properties;
    private final Clock clock;
    private final GracefulStop gracefulStop;
    private final RetryBackoff backoff;

    CatchUp(SnapshotJobLauncher launcher, SnapshotJobHistory history, JdbcTemplate jdbc,
            GoalComplianceProperties properties, Clock clock, GracefulStop gracefulStop, RetryBackoff backoff) {
        this.launcher = launcher;
        this.history = history;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.gracefulStop = gracefulStop;
        this.backoff = backoff;
    }

    /**
     * What a catch-up did.
     *
     * @param failures   instances that failed in this run (their progress is kept; the next run resumes them)
     * @param waiting    finals (restatements) not run because the close they settle (the final they check)
     *                   has not completed
     * @param retryLater failed instances {@code serve} left alone because their retry delay has not passed
     * @param reasons    the failures' exit messages, first line, as the job repository holds them
     * @param nextRetry  when the earliest retry of a failed instance is due ({@code serve} only)
     */
    public record Summary(Instant since, Instant until, int due, int ran, int alreadyComplete,
                          List<SnapshotJobParameters> failures, Map<SnapshotJobParameters, String> reasons,
                          List<SnapshotJobParameters> waiting, List<SnapshotJobParameters> retryLater,
                          Optional<Instant> nextRetry, Ending ending) {

        private static final int LISTED = 10;

        public boolean failed() {
            return ending != Ending.DONE;
        }

        @Override
        public String toString() {
            return "catch-up (" + since + ", " + until + "]: " + due + " snapshot jobs due, " + ran + " ran, "
                    + alreadyComplete + " had already completed"
                    + list(failures, " failed: ", reasons)
                    + list(waiting, " waiting for its close or final: ", Map.of())
                    + (retryLater.isEmpty() ? "" : "; " + retryLater.size() + " failed before, retried later")
                    + (ending == Ending.STOPPED ? "; stopped by shutdown" : "");
        }

        private static String list(List<SnapshotJobParameters> instances, String what,
                                   Map<SnapshotJobParameters, String> reasons) {
            if (instances.isEmpty()) {
                return "";
            }
            String listed = String.join(", ", instances.stream().limit(LISTED)
                    .map(instance -> instance + (reasons.containsKey(instance) ? " (" + reasons.get(instance) + ")" : ""))
                    .toList());
            return "; " + instances.size() + what + listed
                    + (instances.size() > LISTED ? " and " + (instances.size() - LISTED) + " more" : "");
        }
    }

    /** How a catch-up ended. */
    public enum Ending {
        /** Every due instance that could run has completed; finals of failed closes may be waiting. */
        DONE,
        /** Some instance was left failed; the next catch-up resumes it. */
        FAILED,
        /** Shutdown stopped it; the next catch-up resumes there. */
        STOPPED
    }

    /**
     * The {@code catch-up} command (data-contract.md): tries every pending instance once.
     *
     * @param since exclusive start; default: the last completed instant up to {@code until} (one run ahead of
     *              time is ignored), or the look-back before {@code until} on a new database
     * @param until inclusive end; default: now
     */
    public Summary run(Optional<Instant> since, Optional<Instant> until) {
        Instant to = until.orElseGet(clock::instant);
        Instant from = since.orElseGet(() -> history.lastCompleted(to).orElseGet(() -> lookBack(to)));
        return run(from, to, false);
    }

    /**
     * What {@code serve} runs at a tick: every instance due in the look-back before {@code now} (or since the
     * last completed instant, when that is older) that has not completed, except failed ones whose retry delay
     * has not passed ({@link RetryBackoff}). Unlike the command's default start, this also fills a gap behind
     * the last completed instant: a phase of that instant that never ran, or instants skipped by a hand-run of
     * a later one. The summary says when the next retry of a failed instance is due.
     */
    public Summary runDue(Instant now) {
        return run(dueSince(now), now, true);
    }

    private Summary run(Instant from, Instant to, boolean withBackoff) {
        Plan plan = plan(from, to);
        int skipped = plan.due().size() - plan.pending().size();
        if (plan.pending().isEmpty()) {
            log.debug("catch-up ({}, {}]: nothing due", from, to);
            return new CatchUpTally(from, to, plan.due().size(), skipped).build(Ending.DONE);
        }
        log.info("catch-up ({}, {}]: {} snapshot jobs due, {} to run", from, to, plan.due().size(),
                plan.pending().size());
        Map<SnapshotJobParameters, FailedInstance> failing = withBackoff ? failingUpTo(to) : Map.of();
        CatchUpTally tally = new CatchUpTally(from, to, plan.due().size(), skipped);
        for (SnapshotJobParameters instance : plan.pending()) {
            if (gracefulStop.stopping()) {
                log.info("catch-up stopped by shutdown before {}; the next run resumes from there", instance);
                return tally.build(Ending.STOPPED);
            }
            if (!runOne(instance, failing.get(instance), tally)) {
                return tally.build(Ending.STOPPED);
            }
        }
        if (withBackoff || tally.hasFailures()) {
            Map<SnapshotJobParameters, FailedInstance> failedNow = failingUpTo(to);
            tally.reasons(failedNow);
            if (withBackoff) {
                tally.nextRetry(backoff.next(failedNow.values()));
            }
        }
        Summary done = tally.build(tally.hasFailures() ? Ending.FAILED : Ending.DONE);
        if (done.ending() == Ending.DONE) {
            log.info("{}", done);
        } else {
            log.error("{}", done);
        }
        return done;
    }

    /** Runs one instance unless it must wait; false when shutdown stopped it. */
    private boolean runOne(SnapshotJobParameters instance, FailedInstance failed, CatchUpTally tally) {
        Optional<SnapshotJobParameters> prerequisite = prerequisiteOf(instance);
        if (prerequisite.isPresent() && tally.isBlocked(prerequisite.get())) {
            log.info("{}: waits for {}, which has not completed", instance, prerequisite.get());
            tally.waiting(instance);
            return true;
        }
        if (failed != null && !backoff.isDue(failed)) {
            log.debug("{}: failed {} times; next retry at {}", instance, failed.failures(), backoff.retryAt(failed));
            tally.retryLater(instance);
            return true;
        }
        switch (launcher.run(instance)) {
            case COMPLETED -> tally.ran();
            case ALREADY_COMPLETE -> tally.alreadyComplete();
            case CLOSE_NOT_COMPLETE -> tally.waiting(instance);
            case FINAL_NOT_COMPLETE -> tally.waiting(instance);
            case FAILED -> tally.failed(instance);
            case STOPPED -> {
                return false;
            }
        }
        return true;
    }

    private Map<SnapshotJobParameters, FailedInstance> failingUpTo(Instant to) {
        Map<SnapshotJobParameters, FailedInstance> failing = new HashMap<>();
        for (FailedInstance failed : history.failing(Instant.EPOCH)) {
            if (!failed.instance().asOf().isAfter(to)) {
                failing.put(failed.instance(), failed);
            }
        }
        return failing;
    }

    /** The instance one must wait for: a final's close, a restatement's final. */
    private Optional<SnapshotJobParameters> prerequisiteOf(SnapshotJobParameters instance) {
        return switch (instance.phase()) {
            case FINAL -> Optional.of(new SnapshotJobParameters(Phase.CLOSE,
                    SnapshotJobConfiguration.closedAt(instance.asOf(), properties)));
            case RESTATEMENT -> Optional.of(new SnapshotJobParameters(Phase.FINAL,
                    SnapshotJobConfiguration.finalOf(instance.asOf(), properties)));
            case CLOSE, NIGHTLY -> Optional.empty();
        };
    }

    /**
     * The plan a catch-up of {@code (from, to]} runs from: every instance due in the range, and every unfinished
     * one (failed, stopped, left running) up to {@code to}, however old, in the order catch-up runs them.
     */
    public List<SnapshotJobParameters> due(Instant from, Instant to) {
        return plan(from, to).due();
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

    private static Set<Instant> asOfs(Set<SnapshotJobParameters> instances, Phase phase) {
        return instances.stream().filter(instance -> instance.phase() == phase).map(SnapshotJobParameters::asOf)
                .collect(Collectors.toSet());
    }

    /** The instances due in a range (and unfinished ones up to its end), oldest first, and those not completed. */
    private record Plan(List<SnapshotJobParameters> due, List<SnapshotJobParameters> pending) {
    }

    private Plan plan(Instant from, Instant to) {
        // One read of the history: completed closes one settle delay back decide which finals are due, completed
        // finals one restatement delay back which restatements.
        Set<SnapshotJobParameters> completed = history.completed(
                from.minus(properties.getSettleDelay()).minus(properties.getRestatementDelay()), to);
        List<SnapshotJobParameters> due = new ArrayList<>(CatchUpPlanner.plan(ScheduledZones.forPlanning(jdbc), from, to,
                properties.getSettleDelay(), properties.getRestatementDelay(), asOfs(completed, Phase.CLOSE),
                asOfs(completed, Phase.FINAL)));
        for (SnapshotJobParameters unfinished : history.unfinished()) {
            if (!unfinished.asOf().isAfter(to) && !due.contains(unfinished)) {
                due.add(unfinished);
            }
        }
        due.sort(CatchUpPlanner.ORDER);
        return new Plan(due, due.stream().filter(instance -> !completed.contains(instance)).toList());
    }
}
