package com.trackagoat.compliance.snapshot.remote;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * One PostgreSQL session advisory lock per worker step execution, held while this process runs it. The server
 * releases it the moment the process or its connection dies, so whoever gets the lock of a step execution still
 * marked running knows that its worker is gone; and whoever changes a running step execution's status does so
 * holding its lock, so a worker and the manager (or the recovery) never both act on one.
 *
 * <p>All of this process's locks live on one connection (a session may hold many), so that many workers take
 * one connection, not one each. A session's locks are re-entrant, which is why the process also keeps which
 * ones it holds: a second holder in the same process is refused here, before the database would admit it.
 * Thread safe: every use of the connection is synchronized on this object.
 */
public class WorkerLocks {

    private static final Duration RETRY = Duration.ofMillis(100);

    private final DataSource dataSource;
    /** The step executions whose lock this process holds, and the session it holds each on. */
    private final Map<Long, Connection> held = new HashMap<>();
    private Connection session;

    WorkerLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lock; closing it releases the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the step execution's lock unless someone holds it (in this process or another). */
    public synchronized Optional<Held> tryAcquire(long stepExecutionId) {
        if (held.containsKey(stepExecutionId)) {
            return Optional.empty();
        }
        Connection connection = session();
        try {
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", stepExecutionId)) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock step execution " + stepExecutionId + ": " + e.getMessage(), e);
        }
        held.put(stepExecutionId, connection);
        return Optional.of(() -> release(stepExecutionId, connection));
    }

    /**
     * Takes the step execution's lock, waiting while a live worker holds it. It polls instead of blocking in
     * the database, so that waiting for one worker does not hold up this process's other locks.
     */
    public Held acquire(long stepExecutionId) {
        while (true) {
            Optional<Held> lock = tryAcquire(stepExecutionId);
            if (lock.isPresent()) {
                return lock.get();
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the lock of step execution " + stepExecutionId, e);
            }
        }
    }

    /** Whether this process holds the step execution's lock (it runs that step execution). */
    public synchronized boolean holds(long stepExecutionId) {
        return held.containsKey(stepExecutionId);
    }

    /** Fails when this process no longer holds the step execution's lock (its connection was lost). */
    public synchronized void verifyHeld(long stepExecutionId) {
        Connection connection = held.get(stepExecutionId);
        if (connection == null) {
            throw new IllegalStateException("step execution " + stepExecutionId + " is not locked by this process");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException("lost the lock of step execution " + stepExecutionId
                    + " (its connection failed: " + e.getMessage() + "); stopping so that it never runs twice", e);
        }
    }

    private synchronized void release(long stepExecutionId, Connection connection) {
        if (!held.remove(stepExecutionId, connection)) {
            return;
        }
        try {
            call(connection, "SELECT pg_advisory_unlock(?)", stepExecutionId);
        } catch (SQLException e) {
            // The connection is gone, and the server released the lock with it.
        }
    }

    /** The lock session, opened anew when the last one broke (whose locks the server then released). */
    private Connection session() {
        try {
            if (session == null || !session.isValid(2)) {
                if (session != null) {
                    closeQuietly(session);
                }
                session = dataSource.getConnection();
                session.setAutoCommit(true);
            }
            return session;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the worker locks' connection: " + e.getMessage(), e);
        }
    }

    /** Closes the lock session at shutdown: every lock still held is released with it. */
    synchronized void close() {
        held.clear();
        if (session != null) {
            closeQuietly(session);
            session = null;
        }
    }

    private static boolean call(Connection connection, String sql, long stepExecutionId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, key(stepExecutionId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // already broken
        }
    }

    /** A 64-bit key for the step execution, stable across processes, apart from the job instances' keys. */
    static long key(long stepExecutionId) {
        String name = "goal-compliance:step-execution:" + stepExecutionId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }
}
