package com.trackagoat.compliance.api.admin;

import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.snapshot.job.GracefulStop;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * Runs the admin API's resumes, reruns and backfills in the background, one at a time on a thread of its own,
 * so that a long close does not hold the HTTP request. A subject (an instance, a range) is queued at most once
 * at a time. Each run's end is written to its action's record. Exactly-once against the scheduler and other
 * replicas is the launcher's (its instance locks), not this queue's.
 *
 * <p>At shutdown, running snapshot jobs stop at a chunk boundary ({@link GracefulStop}); queued runs are then
 * recorded as not run.
 */
@Component
class AdminWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AdminWork.class);

    /** Runs waiting beyond this many are refused (503): the queue is for a few operator actions, not a flood. */
    static final int QUEUE = 50;

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "admin-work");
                thread.setDaemon(true);
                return thread;
            });
    private final AdminActions actions;
    private final GracefulStop gracefulStop;
    private final GoalComplianceProperties properties;

    AdminWork(AdminActions actions, GracefulStop gracefulStop, GoalComplianceProperties properties) {
        this.actions = actions;
        this.gracefulStop = gracefulStop;
        this.properties = properties;
    }

    /** Whether a run on this subject is queued or running. */
    boolean isPending(String subject) {
        return pending.contains(subject);
    }

    /**
     * Records the action ({@code record} returns its id) and queues the work, whose outcome then completes the
     * record; empty, with nothing recorded or queued, when a run on the same subject is already queued or running.
     * Throws a 503 {@link ApiException} when the queue is full (the action is recorded as refused).
     */
    OptionalLong submit(String subject, LongSupplier record, Supplier<AdminAction.Outcome> work) {
        if (!pending.add(subject)) {
            return OptionalLong.empty();
        }
        long id;
        try {
            id = record.getAsLong();
        } catch (RuntimeException e) {
            pending.remove(subject);
            throw e;
        }
        try {
            executor.execute(() -> run(subject, id, work));
        } catch (RejectedExecutionException e) {
            pending.remove(subject);
            String busy = "too many admin runs are queued (" + QUEUE + "); try again when they have ended";
            actions.finish(id, new AdminAction.Outcome(AdminAction.Outcome.REFUSED, busy));
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy", busy);
        }
        return OptionalLong.of(id);
    }

    private void run(String subject, long id, Supplier<AdminAction.Outcome> work) {
        AdminAction.Outcome outcome;
        try {
            outcome = gracefulStop.stopping()
                    ? new AdminAction.Outcome("not_run", "the application was shutting down")
                    : work.get();
        } catch (RuntimeException e) {
            log.error("admin action {} on {} failed", id, subject, e);
            outcome = new AdminAction.Outcome("failed", e.toString());
        } finally {
            pending.remove(subject);
        }
        log.info("admin action {} on {}: {} ({})", id, subject, outcome.code(), outcome.detail());
        try {
            actions.finish(id, outcome);
        } catch (RuntimeException e) {
            log.error("admin action {}: could not record its outcome {}", id, outcome.code(), e);
        }
    }

    /** Lets the run in progress end (its job stops at a chunk boundary) and the queued ones be recorded as not run. */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(properties.getShutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("shutting down: an admin run is still going after {}; the next start recovers it",
                    properties.getShutdownTimeout());
        }
    }
}
