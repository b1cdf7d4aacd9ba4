package com.trackagoat.compliance.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * Runs every snapshot job instance due in a range that has not completed, oldest first, resuming unfinished
 * ones; stops at the first failure so that nothing runs ahead of a job it depends on.
 */
public class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    private final SnapshotJobLauncher launcher;
    private final SnapshotJobHistory history;
    private final JdbcTemplate jdbc;
    private final GoalComplianceProperties properties;
    private final Clock clock;

    CatchUp(SnapshotJobLauncher launcher, SnapshotJobHistory history, JdbcTemplate jdbc,
            GoalComplianceProperties properties, Clock clock) {
        this.launcher = launcher;
        this.history = history;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a catch-up did. */
    public record Summary(Instant since, Instant until, int due, int ran, int alreadyComplete, boolean failed) {

        @Override
        public String toString() {
            return "catch-up (" + since + ", " + until + "]: " + due + " snapshot jobs due, " + ran + " ran, "
                    + alreadyComplete + " had already completed" + (failed ? "; stopped at a failed job" : "");
        }
    }

    /**
     * @param since exclusive start; default: the last completed instant, or the look-back on a new database
     * @param until inclusive end; default: now
     */
    public Summary run(Optional<Instant> since, Optional<Instant> until) {
        Instant to = until.orElseGet(clock::instant);
        Instant from = since.orElseGet(() -> history.lastCompleted()
                .orElseGet(() -> to.minus(properties.getCatchUp().getLookBack())));
        List<SnapshotJobParameters> plan = plan(from, to);
        log.info("catch-up ({}, {}]: {} snapshot jobs due", from, to, plan.size());
        int ran = 0;
        int skipped = 0;
        for (SnapshotJobParameters instance : plan) {
            SnapshotJobLauncher.Result result = launcher.run(instance);
            switch (result) {
                case COMPLETED -> ran++;
                case ALREADY_COMPLETE -> skipped++;
                case FAILED, CLOSE_NOT_COMPLETE -> {
                    log.error("catch-up stopped at {}: {}; the next run resumes from there", instance, result);
                    return new Summary(from, to, plan.size(), ran, skipped, true);
                }
            }
        }
        log.info("catch-up ({}, {}] done: {} jobs ran, {} had already completed", from, to, ran, skipped);
        return new Summary(from, to, plan.size(), ran, skipped, false);
    }

    private List<SnapshotJobParameters> plan(Instant from, Instant to) {
        List<SnapshotJobParameters> plan = new ArrayList<>(CatchUpPlanner.plan(ScheduledZones.load(jdbc), from, to,
                properties.getSettleDelay(), history.completedCloses(from.minus(properties.getSettleDelay()), to)));
        for (SnapshotJobParameters unfinished : history.unfinished()) {
            if (!unfinished.asOf().isAfter(to) && !plan.contains(unfinished)) {
                plan.add(unfinished);
            }
        }
        plan.sort(CatchUpPlanner.ORDER);
        return plan;
    }
}
