package com.trackagoat.compliance.snapshot.job;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.SmartLifecycle;

/**
 * Stops this process's snapshot jobs at a chunk boundary when the application shuts down (SIGTERM): the chunk
 * in progress commits with its checkpoint, the step ends STOPPED, and the next run resumes it.
 *
 * <p>It marks the running step executions terminate-only, which {@code ChunkOrientedStep} checks before each
 * chunk, rather than calling {@code JobOperator.stop}, whose second writer of the step execution races the
 * step's own updates in Spring Batch 6.0 (spring-batch issues 5120, 5308). Being a lifecycle bean, it stops
 * before any bean is destroyed, so the data source is still open while the last chunk commits.
 */
public class GracefulStop implements StepExecutionListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();
    private final Duration timeout;
    private volatile boolean started;
    private volatile boolean stopping;

    GracefulStop(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether shutdown has begun: no further snapshot job may start. */
    public boolean stopping() {
        return stopping;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        running.add(stepExecution);
        if (stopping) {
            stepExecution.setTerminateOnly();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        synchronized (running) {
            running.remove(stepExecution);
            running.notifyAll();
        }
        return stepExecution.getExitStatus();
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        stopping = true;
        started = false;
        if (running.isEmpty()) {
            return;
        }
        log.info("shutting down: stopping {} running snapshot step(s) after their current chunk", running.size());
        running.forEach(StepExecution::setTerminateOnly);
        awaitSteps();
    }

    private void awaitSteps() {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("shutting down: {} snapshot step(s) still running after {}; the next start recovers them",
                            running.size(), timeout);
                    return;
                }
                try {
                    running.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        log.info("shutting down: snapshot steps stopped at a chunk boundary; the next start resumes them");
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stops first, before the scheduler and the web server (higher phases stop earlier). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
