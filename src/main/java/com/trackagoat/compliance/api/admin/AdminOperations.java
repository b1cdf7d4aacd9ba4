package com.trackagoat.compliance.api.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.launch.BadInstanceException;
import com.trackagoat.compliance.snapshot.launch.DueInstants;
import com.trackagoat.compliance.snapshot.launch.SnapshotJobLauncher;
import com.trackagoat.compliance.snapshot.launch.SnapshotRerun;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunHistory;
import com.trackagoat.compliance.snapshot.runs.RunState;

/**
 * What the admin API's actions do: each is checked against the run history, recorded with the caller's key
 * ({@link AdminActions}), refused (and recorded so) or run in the background ({@link AdminWork}). After a resumed
 * or rerun instance completes, the instances that waited for it (the final of a close) run too. The console's
 * Resume and Rerun buttons call {@link #resume} and {@link #rerun} too, so its actions are recorded alike.
 */
@Component
public class AdminOperations {

    private final RunHistory history;
    private final DueInstants due;
    private final SnapshotJobLauncher launcher;
    private final SnapshotRerun rerun;
    private final CatchUp catchUp;
    private final AdminActions actions;
    private final AdminWork work;
    private final Clock clock;

    AdminOperations(RunHistory history, DueInstants due, SnapshotJobLauncher launcher, SnapshotRerun rerun,
                    CatchUp catchUp, AdminActions actions, AdminWork work, Clock clock) {
        this.history = history;
        this.due = due;
        this.launcher = launcher;
        this.rerun = rerun;
        this.catchUp = catchUp;
        this.actions = actions;
        this.work = work;
        this.clock = clock;
    }

    /** An action accepted for a background run: what it is on, and its record's id. */
    public record Accepted<T>(T subject, long actionId) {
    }

    /** Resumes a failed or stopped instance; anything else is refused (400 not due, 409 otherwise). */
    public Accepted<InstanceRun> resume(ApiCaller caller, SnapshotJobParameters instance) {
        AdminAction.Kind kind = AdminAction.Kind.RESUME;
        InstanceRun run = dueRun(caller, kind, instance);
        switch (run.state()) {
            case FAILED, STOPPED -> {
            }
            case COMPLETED -> throw conflict(caller, kind, instance,
                    instance + " has completed: there is nothing to resume (rerun recomputes it)");
            case RUNNING -> throw conflict(caller, kind, instance, instance + " is running");
            case WAITING -> throw conflict(caller, kind, instance,
                    instance + " waits for the instance it settles, which has not completed: resume that one");
            case MISSING -> throw conflict(caller, kind, instance,
                    instance + " never ran: there is nothing to resume (backfill runs it)");
        }
        return submit(caller, kind, instance, () -> {
            SnapshotJobLauncher.Result result = launcher.run(instance);
            return outcome(instance, result);
        });
    }

    /** Forgets and recomputes an instance that ran (as the {@code rerun} command); 400 for one that never ran. */
    public Accepted<InstanceRun> rerun(ApiCaller caller, SnapshotJobParameters instance) {
        AdminAction.Kind kind = AdminAction.Kind.RERUN;
        InstanceRun run = dueRun(caller, kind, instance);
        if (run.state() == RunState.RUNNING) {
            throw conflict(caller, kind, instance, instance + " is running");
        }
        if (run.executions().isEmpty()) {
            throw refused(caller, kind, instance, ApiException.badParameter("as_of",
                    "names " + instance + ", which never ran: there is nothing to rerun (backfill runs it)"));
        }
        return submit(caller, kind, instance, () -> {
            try {
                return outcome(instance, rerun.rerun(instance));
            } catch (BadInstanceException e) { // forgotten by another rerun meanwhile
                return new AdminAction.Outcome(AdminAction.Outcome.REFUSED, e.getMessage());
            }
        });
    }

    /** The instances of (from, to] that have not completed, oldest first; recorded as a dry run. */
    List<InstanceRun> backfillDryRun(ApiCaller caller, AdminParameters.Range range) {
        List<InstanceRun> pending = notCompleted(range);
        actions.recordFinished(caller, AdminAction.Kind.BACKFILL_DRY_RUN, AdminAction.Target.range(range.from(),
                range.to()), new AdminAction.Outcome(AdminAction.Outcome.LISTED,
                pending.size() + " instances not completed"));
        return pending;
    }

    /** Runs the instances of (from, to] that have not completed, as {@code catch-up --since --until} does. */
    Accepted<List<InstanceRun>> backfill(ApiCaller caller, AdminParameters.Range range) {
        AdminAction.Target target = AdminAction.Target.range(range.from(), range.to());
        AdminAction.Kind kind = AdminAction.Kind.BACKFILL;
        Instant now = clock.instant();
        if (range.to().isAfter(now)) {
            throw refused(caller, kind, target, ApiException.badParameter("to",
                    "(" + range.to() + ") is in the future: a snapshot job runs once it is due"));
        }
        List<InstanceRun> pending = notCompleted(range);
        String subject = "backfill (" + range.from() + ", " + range.to() + "]";
        OptionalLong id = work.submit(subject, () -> actions.recordAccepted(caller, kind, target,
                pending.size() + " instances not completed"), () -> {
                    CatchUp.Summary summary = catchUp.run(Optional.of(range.from()), Optional.of(range.to()));
                    return new AdminAction.Outcome(summary.ending() == CatchUp.Ending.DONE ? "completed"
                            : summary.ending().name().toLowerCase(Locale.ROOT), summary.toString());
                });
        if (id.isEmpty()) {
            throw refused(caller, kind, target, new ApiException(HttpStatus.CONFLICT, "conflict",
                    "a backfill of this range is already queued or running"));
        }
        return new Accepted<>(pending, id.getAsLong());
    }

    private List<InstanceRun> notCompleted(AdminParameters.Range range) {
        return history.runs(range.from(), range.to()).stream().filter(run -> run.state() != RunState.COMPLETED)
                .toList();
    }

    /** The instance's run; 400 (recorded) when no schedule has it. */
    private InstanceRun dueRun(ApiCaller caller, AdminAction.Kind kind, SnapshotJobParameters instance) {
        try {
            due.require(instance);
        } catch (BadInstanceException e) {
            throw refused(caller, kind, instance, ApiException.badParameter("as_of", "names no due instance: "
                    + e.getMessage()));
        }
        return history.run(instance).orElseThrow(() -> refused(caller, kind, instance,
                ApiException.badParameter("as_of", "names no due instance: " + instance)));
    }

    private Accepted<InstanceRun> submit(ApiCaller caller, AdminAction.Kind kind, SnapshotJobParameters instance,
                                         Supplier<AdminAction.Outcome> run) {
        OptionalLong id = work.submit(instance.toString(),
                () -> actions.recordAccepted(caller, kind, AdminAction.Target.of(instance), null),
                () -> {
                    List<SnapshotJobParameters> waiting = waitingFor(instance);
                    return withFollowers(run.get(), waiting);
                });
        if (id.isEmpty()) {
            throw conflict(caller, kind, instance, "an admin action on " + instance + " is already queued or running");
        }
        return new Accepted<>(history.run(instance).orElseThrow(), id.getAsLong());
    }

    /**
     * The instances that wait for this one (the final of a failed close), read before it runs: once it has
     * completed they are no longer waiting but missing, like any instance nothing ran yet.
     */
    private List<SnapshotJobParameters> waitingFor(SnapshotJobParameters instance) {
        // from just before it, so that the plan holds it and with it the finals that settle it
        return history.runs(instance.asOf().minusNanos(1000), clock.instant()).stream()
                .filter(run -> run.state() == RunState.WAITING).map(InstanceRun::instance).toList();
    }

    /**
     * Once an instance has completed, runs the instances that were waiting (the final of a close whose time has
     * come); the launcher leaves alone those still waiting for something else.
     */
    private AdminAction.Outcome withFollowers(AdminAction.Outcome outcome, List<SnapshotJobParameters> waiting) {
        if (!outcome.code().equals("completed") && !outcome.code().equals("already_completed")) {
            return outcome;
        }
        List<String> followed = new ArrayList<>();
        for (SnapshotJobParameters next : waiting) {
            SnapshotJobLauncher.Result result = launcher.run(next);
            if (result != SnapshotJobLauncher.Result.CLOSE_NOT_COMPLETE
                    && result != SnapshotJobLauncher.Result.FINAL_NOT_COMPLETE) {
                followed.add(next + " " + code(result));
            }
        }
        return followed.isEmpty() ? outcome
                : new AdminAction.Outcome(outcome.code(), outcome.detail() + "; then " + String.join(", ", followed));
    }

    private static AdminAction.Outcome outcome(SnapshotJobParameters instance, SnapshotJobLauncher.Result result) {
        return new AdminAction.Outcome(code(result), instance + " " + code(result));
    }

    private static String code(SnapshotJobLauncher.Result result) {
        return switch (result) {
            case COMPLETED -> "completed";
            case ALREADY_COMPLETE -> "already_completed";
            case CLOSE_NOT_COMPLETE, FINAL_NOT_COMPLETE -> "waiting";
            case STOPPED -> "stopped";
            case FAILED -> "failed";
        };
    }

    private ApiException conflict(ApiCaller caller, AdminAction.Kind kind, SnapshotJobParameters instance,
                                  String message) {
        return refused(caller, kind, instance, new ApiException(HttpStatus.CONFLICT, "conflict", message));
    }

    private ApiException refused(ApiCaller caller, AdminAction.Kind kind, SnapshotJobParameters instance,
                                 ApiException refusal) {
        return refused(caller, kind, AdminAction.Target.of(instance), refusal);
    }

    /** Records the refusal, and returns it to be thrown. */
    private ApiException refused(ApiCaller caller, AdminAction.Kind kind, AdminAction.Target target,
                                 ApiException refusal) {
        actions.recordFinished(caller, kind, target, new AdminAction.Outcome(AdminAction.Outcome.REFUSED,
                refusal.status().value() + " " + refusal.getMessage()));
        return refusal;
    }
}
