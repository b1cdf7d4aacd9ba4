package com.trackagoat.compliance.snapshot.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The manager side of remote partitioning: sends one request per partition to the queue, then polls the job
 * repository until every partition has ended, like Spring Batch's {@code MessageChannelPartitionHandler} with
 * repository polling, but it does not wait for ever on a worker that died. A partition still running whose
 * worker lock is free (and whose request is no longer queued) has lost its worker: holding that lock, the
 * manager marks it FAILED and sends a new step execution of the same partition, which starts from the dead
 * one's last checkpoint on whichever node takes it. A partition a shutting-down worker stopped is sent again
 * the same way.
 *
 * <p>Before every poll it runs {@code ownership}, which fails when this process lost the job instance's lock:
 * the job then fails here rather than racing the process that takes it over. When this process is itself
 * shutting down it stops waiting once no partition runs here: the step ends STOPPED, the remote partitions
 * finish on their own, and the next run resumes the rest.
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(10);
    private static final Duration TAKE_GRACE = Duration.ofSeconds(3);

    private final String workerStepName;
    private final JobRepository jobRepository;
    private final PartitionRequests requests;
    private final WorkerLocks locks;
    private final Duration pollInterval;
    private final Consumer<StepExecution> ownership;
    private final BooleanSupplier stopping;
    private final Clock clock;
    /** When each request was first seen taken from the queue but its step execution not locked. */
    private final Map<Long, Long> unlockedSince = new ConcurrentHashMap<>();

    RemotePartitionHandler(String workerStepName, int gridSize, JobRepository jobRepository,
                           PartitionRequests requests, WorkerLocks locks, Duration pollInterval,
                           Consumer<StepExecution> ownership, BooleanSupplier stopping, Clock clock) {
        this.workerStepName = workerStepName;
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.locks = locks;
        this.pollInterval = pollInterval;
        this.ownership = ownership;
        this.stopping = stopping;
        this.clock = clock;
        setGridSize(gridSize);
    }

    /** A partition's current step execution and the request that asked for it. */
    private record Sent(long stepExecutionId, UUID messageId) {
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        Map<String, Sent> sent = new HashMap<>();
        for (StepExecution partition : partitions) {
            sent.put(partition.getStepName(), send(partition));
        }
        // The first polls come soon, then ever less often up to the interval: a small job's partitions end in
        // tens of milliseconds, and a catch-up runs hundreds of such jobs one after another.
        long wait = Math.min(FIRST_POLL.toMillis(), pollInterval.toMillis());
        while (true) {
            Thread.sleep(wait);
            wait = Math.min(wait * 2, pollInterval.toMillis());
            ownership.accept(manager);
            Set<StepExecution> current = new HashSet<>();
            boolean running = false;
            for (Map.Entry<String, Sent> entry : sent.entrySet()) {
                Polled polled = supervise(manager, entry);
                current.add(polled.execution());
                running |= !polled.done();
            }
            if (!running) {
                current.stream().filter(e -> e.getStatus() == BatchStatus.FAILED)
                        .forEach(e -> manager.addFailureException(new PartitionFailedException(e)));
                current.forEach(e -> unlockedSince.remove(e.getId()));
                return current;
            }
            if (stopping.getAsBoolean() && sent.values().stream().noneMatch(s -> locks.holds(s.stepExecutionId()))) {
                throw new JobInterruptedException("shutting down: the partitions running on other nodes finish"
                        + " there; the next run resumes the rest", BatchStatus.STOPPED);
            }
        }
    }

    /** A partition's step execution as a poll found it, and whether it is done with (ended, its worker gone). */
    private record Polled(StepExecution execution, boolean done) {
    }

    /**
     * The partition's step execution now, after sending it again if its worker died or stopped. An ended one
     * is done only once its lock is free: its worker records the failure's cause after the step ends.
     */
    private Polled supervise(StepExecution manager, Map.Entry<String, Sent> entry) {
        Sent current = entry.getValue();
        Optional<WorkerLocks.Held> lock = locks.tryAcquire(current.stepExecutionId());
        if (lock.isEmpty()) { // a live worker runs it (maybe in this process), or is recording its end
            return new Polled(jobRepository.getStepExecution(current.stepExecutionId()), false);
        }
        try (WorkerLocks.Held ignored = lock.get()) {
            StepExecution execution = jobRepository.getStepExecution(current.stepExecutionId());
            BatchStatus status = execution.getStatus();
            boolean stopped = status == BatchStatus.STOPPED && !stopping.getAsBoolean();
            if (!unfinished(status) && !stopped) {
                return new Polled(execution, true);
            }
            if (status == BatchStatus.STARTING && requests.queued(current.messageId())) {
                return new Polled(execution, false); // no node has taken it yet
            }
            if (status == BatchStatus.STARTING && !takenLongAgo(current)) {
                return new Polled(execution, false); // a node has just taken it and is about to lock it
            }
            if (stopped) {
                log.info("{} (step execution {}): stopped by its node's shutdown; sending it again",
                        execution.getStepName(), execution.getId());
            } else {
                log.warn("{} (step execution {}): its worker is gone (the lock is free while it is {});"
                        + " sending it again", execution.getStepName(), execution.getId(), status);
                markFailed(execution);
            }
            unlockedSince.remove(execution.getId());
            StepExecution again = resume(manager, execution);
            entry.setValue(send(again));
            return new Polled(again, false);
        }
    }

    /**
     * Whether a request taken but not started has been so for longer than {@link #TAKE_GRACE}: a worker locks
     * a request within moments of taking it from the queue; one that never does died in between. (Giving up
     * one too early would be safe, a worker starts only what is STARTING under its lock, but wasteful.)
     */
    private boolean takenLongAgo(Sent sent) {
        long now = System.nanoTime();
        long since = unlockedSince.computeIfAbsent(sent.stepExecutionId(), id -> now);
        return now - since > TAKE_GRACE.toNanos();
    }

    private Sent send(StepExecution partition) {
        return new Sent(partition.getId(), requests.send(workerStepName, partition.getId()));
    }

    /** Safe: we hold its lock, so no worker runs it, and none will (a worker only starts what is STARTING). */
    private void markFailed(StepExecution execution) {
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription("its worker died; sent again"));
        // the repository's times are in this JVM's zone, as Spring Batch writes them
        execution.setEndTime(LocalDateTime.now(clock.withZone(ZoneId.systemDefault())));
        jobRepository.update(execution);
    }

    /** A new step execution of the same partition in this job execution, from the old one's checkpoint. */
    private StepExecution resume(StepExecution manager, StepExecution previous) {
        StepExecution again = jobRepository.createStepExecution(previous.getStepName(), manager.getJobExecution());
        again.setExecutionContext(new ExecutionContext(previous.getExecutionContext()));
        jobRepository.updateExecutionContext(again);
        return again;
    }

    /** Running, or not known to have ended (its worker lost the database while ending it). */
    private static boolean unfinished(BatchStatus status) {
        return status.isRunning() || status == BatchStatus.UNKNOWN;
    }
}
