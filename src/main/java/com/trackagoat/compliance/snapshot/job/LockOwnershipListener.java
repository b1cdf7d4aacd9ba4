package com.trackagoat.compliance.snapshot.job;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import com.trackagoat.compliance.snapshot.remote.WorkerLocks;

/**
 * Before each chunk, checks that this process still holds the lock it runs the step under: a partition's
 * worker lock (taken by the node's worker, see snapshot.remote), else the job instance's lock. A run whose lock
 * connection was lost stops instead of racing a process that took the partition or the instance over.
 */
class LockOwnershipListener implements ChunkListener<SnapshotWork, SnapshotRecord>, StepExecutionListener {

    private final InstanceLocks instanceLocks;
    private final WorkerLocks workerLocks;
    private SnapshotJobParameters job;
    private long stepExecutionId;

    LockOwnershipListener(InstanceLocks instanceLocks, WorkerLocks workerLocks) {
        this.instanceLocks = instanceLocks;
        this.workerLocks = workerLocks;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        job = SnapshotJobParameters.of(stepExecution);
        stepExecutionId = stepExecution.getId();
    }

    @Override
    public void beforeChunk(Chunk<SnapshotWork> chunk) {
        if (workerLocks.holds(stepExecutionId)) {
            workerLocks.verifyHeld(stepExecutionId);
        } else {
            instanceLocks.verifyHeld(job);
        }
    }
}
