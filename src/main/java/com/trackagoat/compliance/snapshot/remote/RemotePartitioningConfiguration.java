package com.trackagoat.compliance.snapshot.remote;

import java.sql.DriverManager;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.jdbc.PgConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.integration.jdbc.channel.PostgresChannelMessageTableSubscriber;
import org.springframework.integration.jdbc.channel.PostgresSubscribableChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import com.trackagoat.compliance.system.GoalComplianceProperties;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Wiring of remote partitioning: the queue (a {@link PostgresSubscribableChannel} over a
 * {@link JdbcChannelMessageStore} in the job's own database, woken by a
 * {@link PostgresChannelMessageTableSubscriber}), this node's worker and the worker locks.
 */
@Configuration(proxyBeanMethods = false)
class RemotePartitioningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitioningConfiguration.class);

    @Bean
    WorkerLocks workerLocks(DataSource dataSource) {
        return new WorkerLocks(dataSource);
    }

    @Bean
    JdbcChannelMessageStore partitionMessageStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(PartitionRequests.REGION);
        store.setCheckDatabaseOnStart(false); // Flyway made the table; a command that runs no job never queries it
        store.addAllowedPatterns("java.util.*", "java.lang.*", "org.springframework.messaging.*",
                "org.springframework.integration.*", "org.springframework.batch.integration.partition.*");
        return store;
    }

    /** The LISTEN side, a plain object rather than a lifecycle bean: only the worker starts it (see below). */
    @Bean
    PartitionListener partitionListener(DataSource dataSource) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        Properties login = new Properties();
        hikari.getDataSourceProperties().forEach(login::put);
        if (hikari.getUsername() != null) {
            login.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            login.setProperty("password", hikari.getPassword());
        }
        // A connection of its own, outside the pool: it waits in LISTEN for as long as the node runs.
        return new PartitionListener(new PostgresChannelMessageTableSubscriber(() ->
                DriverManager.getConnection(hikari.getJdbcUrl(), login).unwrap(PgConnection.class)));
    }

    /**
     * Its dispatcher has the node's worker threads and takes a request only on a free one, so a busy node
     * leaves the queue to the others; a wake-up that finds every thread busy is dropped, since each thread
     * takes the next request as soon as its partition ends.
     */
    @Bean
    PostgresSubscribableChannel partitionRequestChannel(JdbcChannelMessageStore partitionMessageStore,
                                                        PartitionListener partitionListener,
                                                        GoalComplianceProperties properties) {
        int threads = Math.max(1, properties.getRemote().getWorkerThreads());
        ThreadPoolExecutor dispatcher = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(threads), new CustomizableThreadFactory("snapshot-worker-"),
                new ThreadPoolExecutor.DiscardPolicy());
        partitionListener.setDispatcher(dispatcher);
        PostgresSubscribableChannel channel = new PostgresSubscribableChannel(partitionMessageStore,
                PartitionRequests.GROUP, partitionListener.subscriber());
        channel.setDispatcherExecutor(new TaskExecutorAdapter(dispatcher));
        channel.setErrorHandler(error -> {
            // The queue could not be read (the database is away): wait a little before the next try.
            log.warn("cannot take a partition request: {}", error.toString());
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return channel;
    }

    @Bean
    PartitionWorker partitionWorker(PostgresSubscribableChannel partitionRequestChannel,
                                    PartitionListener partitionListener, JobRepository jobRepository,
                                    BeanFactory beanFactory, WorkerLocks workerLocks,
                                    GoalComplianceProperties properties) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(steps);
        return new PartitionWorker(partitionRequestChannel, partitionListener, jobRepository, handler, workerLocks,
                properties.getRemote().isWorker());
    }

    @Bean
    RemotePartitions remotePartitions(JobRepository jobRepository, PostgresSubscribableChannel partitionRequestChannel,
                                      DataSource dataSource, WorkerLocks workerLocks,
                                      GoalComplianceProperties properties, Clock clock) {
        return new RemotePartitions(jobRepository,
                new PartitionRequests(partitionRequestChannel, new JdbcTemplate(dataSource)), workerLocks,
                properties.getRemote().getPollInterval(), clock);
    }
}
