package com.trackagoat.compliance.snapshot.job;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Before each chunk, checks that this process still holds the job instance's lock, so that a run whose lock
 * connection was lost stops instead of racing a process that took the instance over.
 */
class LockOwnershipListener implements ChunkListener<SnapshotWork, SnapshotRecord>, StepExecutionListener {

    private final InstanceLocks instanceLocks;
    private SnapshotJobParameters job;

    LockOwnershipListener(InstanceLocks instanceLocks) {
        this.instanceLocks = instanceLocks;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        job = SnapshotJobParameters.of(stepExecution);
    }

    @Override
    public void beforeChunk(Chunk<SnapshotWork> chunk) {
        instanceLocks.verifyHeld(job);
    }
}
