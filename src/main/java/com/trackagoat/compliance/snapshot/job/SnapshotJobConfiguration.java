package com.trackagoat.compliance.snapshot.job;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.source.CreatorActivityRepository;
import com.trackagoat.compliance.snapshot.remote.RemotePartitions;
import com.trackagoat.compliance.source.ScheduledZones;
import com.trackagoat.compliance.system.GoalComplianceProperties;
import com.trackagoat.compliance.webhook.WebhookOutbox;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The snapshot job: one chunk-oriented step that reads due goals (or, for {@code final}, close snapshots; for
 * {@code restatement}, final snapshots and their late videos), evaluates them and upserts the results. Phase and as_of are the identifying job parameters.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotJobConfiguration {

    public static final String JOB_NAME = "goalSnapshotJob";
    /** The job's one step; with partitions, the manager step of the workers. */
    public static final String STEP_NAME = "snapshotStep";
    /** The partitions' worker steps, named {@code snapshotWorker:partitionN} in the job repository. */
    public static final String WORKER_NAME = "snapshotWorker";
    /** The job's last step: a final's events into the webhook outbox (nothing for the other phases). */
    public static final String EVENTS_STEP_NAME = "eventsStep";

    @Bean
    Job goalSnapshotJob(JobRepository jobRepository, Step snapshotStep, Step eventsStep) {
        DefaultJobParametersValidator validator = new DefaultJobParametersValidator();
        validator.setRequiredKeys(new String[] {SnapshotJobParameters.PHASE, SnapshotJobParameters.AS_OF});
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(validator)
                .start(snapshotStep)
                .next(eventsStep)
                .listener(new FailureCauseListener())
                .build();
    }

    /**
     * The chunk-oriented step. With {@code goal-compliance.partitions} above 1 it is a partition step instead:
     * the goal ids are split into that many ranges, each read by a worker step execution of its own
     * ({@code snapshotWorker:partitionN}) with its own checkpoint, sent as a request to whichever node takes it
     * ({@link RemotePartitions}: this one too), so a restart resumes each unfinished range after its last
     * committed chunk (ranges already done are not run again), and a range whose worker died is sent again.
     */
    @Bean
    Step snapshotStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                      ItemStreamReader<SnapshotWork> snapshotReader, SnapshotProcessor snapshotProcessor,
                      SnapshotWriter snapshotWriter, ChunkProgressListener chunkProgressListener,
                      LockOwnershipListener lockOwnershipListener,
                      ItemWriteListener<SnapshotRecord> snapshotMetricsListener, EvaluationFailures evaluationFailures,
                      StepCounts stepCounts, GracefulStop gracefulStop, GoalComplianceProperties properties,
                      RemotePartitions remotePartitions, InstanceLocks instanceLocks) {
        int partitions = properties.getPartitions();
        if (partitions <= 1) {
            return chunkStep(STEP_NAME, jobRepository, transactionManager, snapshotReader, snapshotProcessor,
                    snapshotWriter, chunkProgressListener, lockOwnershipListener, snapshotMetricsListener,
                    evaluationFailures, stepCounts, gracefulStop, properties);
        }
        return new StepBuilder(STEP_NAME, jobRepository)
                .partitioner(WORKER_NAME, new GoalIdPartitioner())
                .partitionHandler(remotePartitions.handler(WORKER_NAME, partitions,
                        manager -> instanceLocks.verifyHeld(SnapshotJobParameters.of(manager)), gracefulStop::stopping))
                .build();
    }

    /** The partitions' step, which the workers of every node look up by this bean's name. */
    @Bean
    Step snapshotWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        ItemStreamReader<SnapshotWork> snapshotReader, SnapshotProcessor snapshotProcessor,
                        SnapshotWriter snapshotWriter, ChunkProgressListener chunkProgressListener,
                        LockOwnershipListener lockOwnershipListener,
                        ItemWriteListener<SnapshotRecord> snapshotMetricsListener,
                        EvaluationFailures evaluationFailures, StepCounts stepCounts, GracefulStop gracefulStop,
                        GoalComplianceProperties properties) {
        return chunkStep(WORKER_NAME, jobRepository, transactionManager, snapshotReader, snapshotProcessor,
                snapshotWriter, chunkProgressListener, lockOwnershipListener, snapshotMetricsListener,
                evaluationFailures, stepCounts, gracefulStop, properties);
    }

    /** A tasklet step: its events commit with the step execution's update (see EventsTasklet). */
    @Bean
    Step eventsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    EventsTasklet eventsTasklet) {
        return new StepBuilder(EVENTS_STEP_NAME, jobRepository)
                .tasklet(eventsTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    EventsTasklet eventsTasklet(@Value("#{jobParameters['phase']}") String phase,
                                @Value("#{jobParameters['asOf']}") String asOf,
                                @Value("#{stepExecution.jobExecutionId}") long jobExecutionId, WebhookOutbox outbox,
                                InstanceLocks instanceLocks) {
        return new EventsTasklet(outbox, instanceLocks, SnapshotJobParameters.of(phase, asOf), jobExecutionId);
    }

    private static Step chunkStep(String name, JobRepository jobRepository,
                                  PlatformTransactionManager transactionManager,
                                  ItemStreamReader<SnapshotWork> snapshotReader, SnapshotProcessor snapshotProcessor,
                                  SnapshotWriter snapshotWriter, ChunkProgressListener chunkProgressListener,
                                  LockOwnershipListener lockOwnershipListener,
                                  ItemWriteListener<SnapshotRecord> snapshotMetricsListener,
                                  EvaluationFailures evaluationFailures, StepCounts stepCounts,
                                  GracefulStop gracefulStop, GoalComplianceProperties properties) {
        return new StepBuilder(name, jobRepository)
                .<SnapshotWork, SnapshotRecord>chunk(properties.getChunkSize())
                .transactionManager(transactionManager) // chunk writes and checkpoint commit together
                .reader(snapshotReader)
                .processor(snapshotProcessor)
                .writer(snapshotWriter)
                .faultTolerant() // a goal whose evaluation fails is skipped into a reject, nothing else is
                .skipPolicy(evaluationFailures)
                .skipListener(evaluationFailures)
                .listener(lockOwnershipListener)
                .listener(chunkProgressListener)
                .listener(snapshotMetricsListener)
                .listener(stepCounts)
                .listener((StepExecutionListener) gracefulStop)
                .build();
    }

    @Bean
    @StepScope
    @SuppressWarnings("unchecked")
    ItemStreamReader<SnapshotWork> snapshotReader(@Value("#{jobParameters['phase']}") String phase,
                                                  @Value("#{jobParameters['asOf']}") String asOf,
                                                  NamedParameterJdbcTemplate jdbc, GoalEvaluator evaluator,
                                                  GoalComplianceProperties properties) {
        SnapshotJobParameters job = SnapshotJobParameters.of(phase, asOf);
        CreatorActivityRepository activities = new CreatorActivityRepository(jdbc);
        KeysetPagingReader<? extends SnapshotWork> reader = switch (job.phase()) {
            case FINAL -> new CloseRecordReader(jdbc, activities, closedAt(job.asOf(), properties), job.asOf(),
                    properties.getChunkSize());
            case RESTATEMENT -> new FinalRecordReader(jdbc, activities, finalOf(job.asOf(), properties),
                    job.asOf(), properties.getChunkSize());
            case CLOSE, NIGHTLY -> new DueGoalReader(jdbc, activities, evaluator, job.phase(), job.asOf(),
                    ScheduledZones.load(jdbc.getJdbcTemplate()), properties.getChunkSize());
        };
        return (ItemStreamReader<SnapshotWork>) reader; // the reader only produces items: the cast is safe
    }

    /** Not step-scoped: the items carry their phase and as_of (see SnapshotWork). */
    @Bean
    SnapshotProcessor snapshotProcessor(GoalEvaluator evaluator) {
        return new SnapshotProcessor(evaluator);
    }

    @Bean
    @StepScope
    SnapshotWriter snapshotWriter(@Value("#{jobParameters['phase']}") String phase,
                                  @Value("#{jobParameters['asOf']}") String asOf,
                                  @Value("#{stepExecution.jobExecutionId}") long jobExecutionId,
                                  NamedParameterJdbcTemplate jdbc, Clock clock) {
        SnapshotJobParameters job = SnapshotJobParameters.of(phase, asOf);
        return new SnapshotWriter(jdbc, clock, job.phase(), job.asOf(), jobExecutionId);
    }

    /** Not step-scoped: the writer and metrics listener it writes through are the step's own (proxies). */
    @Bean
    EvaluationFailures evaluationFailures(SnapshotWriter snapshotWriter,
                                          ItemWriteListener<SnapshotRecord> snapshotMetricsListener) {
        return new EvaluationFailures(snapshotWriter, snapshotMetricsListener);
    }

    @Bean
    @StepScope
    ChunkProgressListener chunkProgressListener(Clock clock) {
        return new ChunkProgressListener(clock);
    }

    @Bean
    @StepScope
    StepCounts stepCounts(NamedParameterJdbcTemplate jdbc) {
        return new StepCounts(jdbc);
    }

    @Bean
    @StepScope
    LockOwnershipListener lockOwnershipListener(InstanceLocks instanceLocks, RemotePartitions remotePartitions) {
        return new LockOwnershipListener(instanceLocks, remotePartitions.locks());
    }

    /** Not step-scoped: the launcher takes the lock that the job's steps check. */
    @Bean
    InstanceLocks instanceLocks(DataSource dataSource) {
        return new InstanceLocks(dataSource);
    }

    @Bean
    GracefulStop gracefulStop(GoalComplianceProperties properties) {
        return new GracefulStop(properties.getShutdownTimeout());
    }

    @Bean
    SnapshotMetrics snapshotMetrics(MeterRegistry registry) {
        return new SnapshotMetrics(registry);
    }

    @Bean
    @StepScope
    ItemWriteListener<SnapshotRecord> snapshotMetricsListener(@Value("#{jobParameters['phase']}") String phase,
                                                              SnapshotMetrics metrics) {
        return metrics.writeListener(Phase.parse(phase).orElseThrow());
    }

    /** The final instant a restatement checks: one restatement delay earlier. */
    public static Instant finalOf(Instant restatementAsOf, GoalComplianceProperties properties) {
        return restatementAsOf.minus(properties.getRestatementDelay());
    }

    /** The close instant a final settles: one settle delay earlier. */
    public static Instant closedAt(Instant finalAsOf, GoalComplianceProperties properties) {
        return finalAsOf.minus(properties.getSettleDelay());
    }
}
