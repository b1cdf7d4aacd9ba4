package com.trackagoat.compliance.snapshot.job;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL session advisory lock per job instance, held on a dedicated connection while this process
 * runs the instance. The server releases it the moment the owning process or its connection dies, so a
 * process that gets the lock knows that an execution left STARTED has no live owner, and two processes can
 * never run one instance at the same time.
 */
public class InstanceLocks {

    private static final Logger log = LoggerFactory.getLogger(InstanceLocks.class);

    private final DataSource dataSource;
    private final Map<SnapshotJobParameters, Connection> held = new ConcurrentHashMap<>();

    InstanceLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lock; closing it releases the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the instance's lock, waiting for another process that holds it to finish. */
    public Held acquire(SnapshotJobParameters job) {
        try {
            Connection connection = dataSource.getConnection();
            try {
                if (!lock(connection, "SELECT pg_try_advisory_lock(?)", job)) {
                    log.info("{}: another process is running it; waiting for it to finish", job);
                    lock(connection, "SELECT pg_advisory_lock(?)", job);
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            held.put(job, connection);
            return () -> release(job, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock job instance " + job + ": " + e.getMessage(), e);
        }
    }

    /** Fails when this process no longer holds the instance's lock (its connection was lost). */
    void verifyHeld(SnapshotJobParameters job) {
        Connection connection = held.get(job);
        if (connection == null) {
            throw new IllegalStateException("job instance " + job + " is not locked by this process");
        }
        // The workers of a partitioned step share the lock's connection: one check at a time.
        synchronized (connection) {
            check(job, connection);
        }
    }

    private static void check(SnapshotJobParameters job, Connection connection) {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException("lost the lock of job instance " + job
                    + " (its connection failed: " + e.getMessage() + "); stopping so that it never runs twice", e);
        }
    }

    private void release(SnapshotJobParameters job, Connection connection) {
        held.remove(job, connection);
        try (connection) {
            lock(connection, "SELECT pg_advisory_unlock(?)", job);
        } catch (SQLException e) {
            // The connection is gone, and the server released the lock with it.
            log.debug("{}: lock connection already closed: {}", job, e.getMessage());
        }
    }

    private static boolean lock(Connection connection, String sql, SnapshotJobParameters job) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, key(job));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return sql.contains("try") ? rs.getBoolean(1) : true; // the other functions return void
            }
        }
    }

    /** A 64-bit lock key for the instance, stable across processes. */
    static long key(SnapshotJobParameters job) {
        String name = "goal-compliance:" + job.phase().code() + ":" + job.asOf();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }
}
