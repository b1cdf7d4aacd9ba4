package com.trackagoat.compliance.snapshot.remote;

import org.springframework.batch.core.step.StepExecution;

/**
 * A partition that failed, maybe on another node, in the manager's step: its exception stayed with the worker,
 * so this carries the first line of the exit message the worker saved (which leads with the telling cause).
 */
public class PartitionFailedException extends RuntimeException {

    PartitionFailedException(StepExecution partition) {
        super(partition.getExitStatus().getExitDescription().lines().findFirst().orElse(partition.getStepName()));
    }

    /** The worker's own words, as if it had been thrown here. */
    @Override
    public String toString() {
        return getMessage();
    }
}
