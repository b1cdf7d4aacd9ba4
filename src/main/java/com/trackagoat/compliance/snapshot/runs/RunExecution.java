package com.trackagoat.compliance.snapshot.runs;

import java.time.Duration;
import java.time.Instant;

/**
 * One execution of a snapshot job instance, as the job repository holds it.
 *
 * @param id          the job execution id ({@code job_execution_id} of the rows it wrote)
 * @param status      Spring Batch's status: {@code COMPLETED}, {@code FAILED}, {@code STARTED}, {@code STOPPED}, …
 * @param startTime   null while it is starting
 * @param endTime     null while it runs
 * @param duration    end minus start; for one still running, the time since its start; null before it starts
 * @param goalsRead   goals its steps read (Spring Batch's read count: a failed execution's includes the chunk
 *                    that rolled back)
 * @param snapshots   snapshot rows it committed
 * @param rejects     reject rows it committed, {@code evaluation_failed} ones included
 * @param exitMessage as stored (a failure's starts with its telling cause); null when empty
 * @param partitions  its chunk steps: the partitions it ran (on a restart, those left unfinished), or 1
 */
public record RunExecution(long id, String status, Instant startTime, Instant endTime, Duration duration,
                           long goalsRead, long snapshots, long rejects, String exitMessage, int partitions) {
}
