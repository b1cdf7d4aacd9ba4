package com.trackagoat.compliance.snapshot.remote;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.channel.AbstractSubscribableChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * This node's worker: takes step execution requests from the queue, at most as many at a time as the queue's
 * dispatcher has threads (each request runs on the thread that took it), and runs each under its step
 * execution's lock with Spring Batch's {@link StepExecutionRequestHandler}.
 *
 * <p>It runs a step execution only if, holding its lock, it finds it still STARTING and its job execution
 * running: one the manager (or a recovery) has meanwhile given up as lost is FAILED and left alone, one another
 * worker runs is locked, and one whose manager's run ended while it was queued is left to the run that resumes
 * that job execution. A
 * request taken while this node is shutting down is dropped: the manager sees it taken and unlocked, and sends
 * it again to a node that stays.
 */
class PartitionWorker implements MessageHandler, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final AbstractSubscribableChannel requests;
    private final PartitionListener listener;
    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler handler;
    private final WorkerLocks locks;
    private final boolean enabled;
    private volatile boolean running;

    PartitionWorker(AbstractSubscribableChannel requests, PartitionListener listener, JobRepository jobRepository,
                    StepExecutionRequestHandler handler, WorkerLocks locks, boolean enabled) {
        this.requests = requests;
        this.listener = listener;
        this.jobRepository = jobRepository;
        this.handler = handler;
        this.locks = locks;
        this.enabled = enabled;
    }

    @Override
    public void handleMessage(Message<?> message) {
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            log.warn("dropped a message that is no step execution request: {}", message);
            return;
        }
        if (!running) {
            log.info("step execution {}: not started, this node is shutting down; its manager sends it again",
                    request.getStepExecutionId());
            return;
        }
        try (WorkerLocks.Held ignored = locks.acquire(request.getStepExecutionId())) {
            Optional<StepExecution> startable = startable(request);
            if (startable.isPresent()) {
                run(request, startable.get());
            }
        } catch (RuntimeException e) { // the queue's thread goes on taking requests
            log.error("step execution {}: {}", request.getStepExecutionId(), e.toString());
        }
    }

    private Optional<StepExecution> startable(StepExecutionRequest request) {
        StepExecution execution = jobRepository.getStepExecution(request.getStepExecutionId());
        if (execution == null || execution.getStatus() != BatchStatus.STARTING) {
            log.info("step execution {}: not run, it is {}", request.getStepExecutionId(),
                    execution == null ? "gone" : execution.getStatus());
            return Optional.empty();
        }
        // A request its manager's process left queued when it ended (it failed, or lost the database): its
        // job execution has ended, and the run that resumes it makes new step executions of every partition.
        JobExecution job = jobRepository.getJobExecution(execution.getJobExecutionId());
        if (job == null || !job.getStatus().isRunning()) {
            log.info("{} (step execution {}): not run, its job execution {} is {}", execution.getStepName(),
                    execution.getId(), execution.getJobExecutionId(), job == null ? "gone" : job.getStatus());
            return Optional.empty();
        }
        return Optional.of(execution);
    }

    private void run(StepExecutionRequest request, StepExecution execution) {
        log.info("{} (step execution {}): running here", execution.getStepName(), execution.getId());
        StepExecution ended = handler.handle(request);
        if (ended.getStatus().isRunning()) {
            return; // the step could not save its end (the database went away): the manager sees it unlocked
        }
        if (ended.getStatus() == BatchStatus.FAILED && !ended.getFailureExceptions().isEmpty()) {
            // Its exceptions stay in this process: the manager reads the cause from the exit message, once
            // this lock is released. This also records a failure the step could not record itself (the
            // handler leaves that update to us).
            ended.setExitStatus(FailureCauses.leadWithCause(ended.getExitStatus(), ended.getFailureExceptions()));
            jobRepository.update(ended);
        }
    }

    @Override
    public void start() {
        running = true;
        if (enabled) {
            listener.start();
            requests.subscribe(this);
        }
    }

    /** At shutdown: takes no further request (the running ones stop at a chunk boundary, see GracefulStop). */
    @Override
    public void stop() {
        running = false;
        if (enabled) {
            requests.unsubscribe(this);
            listener.stop();
        }
        locks.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Among the first to stop, with GracefulStop (the highest phases stop first). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
