package com.trackagoat.compliance.snapshot.remote;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/** What a job needs to partition a step over the nodes: the manager's partition handler, and the workers' locks. */
public class RemotePartitions {

    private final JobRepository jobRepository;
    private final PartitionRequests requests;
    private final WorkerLocks locks;
    private final Duration pollInterval;
    private final Clock clock;

    RemotePartitions(JobRepository jobRepository, PartitionRequests requests, WorkerLocks locks,
                     Duration pollInterval, Clock clock) {
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.locks = locks;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /**
     * A partition handler that sends {@code gridSize} partitions to the step bean named {@code workerStepName}
     * on whichever nodes take them, and waits for them (see {@link RemotePartitionHandler}).
     *
     * @param ownership checks, before each poll, that this process still owns the job; throws when not
     * @param stopping  whether this process is shutting down
     */
    public PartitionHandler handler(String workerStepName, int gridSize, Consumer<StepExecution> ownership,
                                    BooleanSupplier stopping) {
        return new RemotePartitionHandler(workerStepName, gridSize, jobRepository, requests, locks, pollInterval,
                ownership, stopping, clock);
    }

    /** The worker step executions' locks, which the workers' steps check before each chunk. */
    public WorkerLocks locks() {
        return locks;
    }
}
