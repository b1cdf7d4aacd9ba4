-- The run history (snapshot.runs.RunHistory) reads, per chunk step execution, what Spring Batch's counts cannot
-- tell apart: WRITE_COUNT adds snapshots to rejects, and the evaluation_failed rejects are PROCESS_SKIP_COUNT.
-- StepCounts keeps these columns in the chunk's own transaction, so they hold exactly the rows committed; they
-- are null on the manager step of a partitioned job and on executions from before this migration. Spring
-- Batch names its columns in every statement, so it neither reads nor clears these; they go with the row when
-- an instance is deleted (rerun).
--   SNAPSHOTS_WRITTEN, REJECTS_WRITTEN: rows this execution of the step committed to each result table
--   GOAL_IDS_DONE: share (0..1) of the step's goal-id range up to its last committed goal, restarts included
--   GOAL_IDS_DONE_AT_START: the same share when this execution began (after the last run's checkpoint)
ALTER TABLE BATCH_STEP_EXECUTION
    ADD COLUMN SNAPSHOTS_WRITTEN BIGINT,
    ADD COLUMN REJECTS_WRITTEN BIGINT,
    ADD COLUMN GOAL_IDS_DONE DOUBLE PRECISION,
    ADD COLUMN GOAL_IDS_DONE_AT_START DOUBLE PRECISION;

-- The run history finds a range's executions by their asOf parameter, compared as text in the "C" collation
-- (JobExecutions: whole-second Instant.toString() texts sort as their instants).
CREATE INDEX batch_job_execution_params_as_of_idx
    ON BATCH_JOB_EXECUTION_PARAMS ((PARAMETER_VALUE COLLATE "C"), JOB_EXECUTION_ID) WHERE PARAMETER_NAME = 'asOf';
