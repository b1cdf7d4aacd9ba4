package com.trackagoat.compliance.schedule;

import java.util.concurrent.CountDownLatch;

import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import com.trackagoat.compliance.snapshot.retention.PartitionMaintenanceSchedule;
import com.trackagoat.compliance.webhook.WebhookDelivery;

/**
 * The {@code serve} command: registers the snapshot tick with the clustered Quartz scheduler, asks for one
 * catch-up now (through Quartz, so that nodes starting together take turns), starts the scheduler, the
 * webhook delivery and the hourly partition upkeep (months made ahead, the nightly retention), and waits until
 * the application is stopped (SIGTERM).
 */
public class Serve implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(Serve.class);

    /**
     * The clustered job store's lock rows, which Quartz inserts when it first takes a lock. Nodes starting
     * together raced to insert them: the loser's insert failed, and Quartz logged an ERROR that it could not
     * roll back its auto-commit connection before it retried. Present beforehand, they are only ever locked.
     */
    private static final String LOCK_ROWS = """
            INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES (?, 'TRIGGER_ACCESS'), (?, 'STATE_ACCESS')
            ON CONFLICT DO NOTHING
            """;

    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final WebhookDelivery webhookDelivery;
    private final PartitionMaintenanceSchedule partitionMaintenance;
    private final CountDownLatch closed = new CountDownLatch(1);

    Serve(Scheduler scheduler, JdbcTemplate jdbc, PlatformTransactionManager transactions,
          WebhookDelivery webhookDelivery, PartitionMaintenanceSchedule partitionMaintenance) {
        this.scheduler = scheduler;
        this.webhookDelivery = webhookDelivery;
        this.partitionMaintenance = partitionMaintenance;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs until the application context closes. */
    public void run() throws SchedulerException, InterruptedException {
        jdbc.update(LOCK_ROWS, scheduler.getSchedulerName(), scheduler.getSchedulerName());
        register();
        scheduler.start();
        log.info("serving: scheduler {} (instance {}) runs due snapshot jobs at every quarter hour (cron '{}' UTC)",
                scheduler.getSchedulerName(), scheduler.getSchedulerInstanceId(), SnapshotSchedule.CRON);
        webhookDelivery.start();
        partitionMaintenance.start();
        try {
            closed.await();
        } finally {
            partitionMaintenance.stop();
            webhookDelivery.stop();
        }
    }

    /**
     * Registers the tick, its quarter-hourly trigger and one catch-up now, in one transaction. Spring's job
     * store takes Quartz's cluster lock (a row lock on QRTZ_LOCKS) in the caller's transaction: outside one,
     * each statement committed on its own, the lock was let go at once, and two nodes starting together
     * could register the same job at the same time (SchedulerFactoryBean's documentation asks for a
     * transaction around every operation on a persistent scheduler).
     */
    private void register() throws SchedulerException {
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            scheduler.addJob(SnapshotSchedule.tickJob(), true);
            scheduleQuarterHourly();
            scheduler.triggerJob(SnapshotSchedule.TICK);
        } catch (SchedulerException | RuntimeException e) {
            transactions.rollback(transaction);
            throw e;
        }
        transactions.commit(transaction);
    }

    /** Keeps an existing trigger (and its misfire state) as long as it has the same schedule. */
    private void scheduleQuarterHourly() throws SchedulerException {
        if (scheduler.getTrigger(SnapshotSchedule.QUARTER_HOURLY) instanceof org.quartz.CronTrigger existing
                && SnapshotSchedule.CRON.equals(existing.getCronExpression())) {
            return;
        }
        try {
            scheduler.scheduleJob(SnapshotSchedule.quarterHourly());
        } catch (ObjectAlreadyExistsException e) {
            scheduler.rescheduleJob(SnapshotSchedule.QUARTER_HOURLY, SnapshotSchedule.quarterHourly());
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closed.countDown();
    }
}
