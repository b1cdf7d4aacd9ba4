package com.trackagoat.compliance.snapshot.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Reads items in goal-id order, a page at a time, and checkpoints the id of the last item handed out. The
 * step saves that checkpoint in the same transaction as the chunk's writes, so a restart resumes right after
 * the last committed chunk, and never holds more than a page in memory. A partitioned step gives each worker
 * a {@link GoalIdRange} in its context; each worker checkpoints (and restarts) within its own range.
 *
 * @param <T> the item
 */
abstract class KeysetPagingReader<T> implements ItemStreamReader<T> {

    static final String LAST_KEY = "lastGoalId";

    private final int pageSize;
    private final Deque<T> buffer = new ArrayDeque<>();
    private GoalIdRange range = GoalIdRange.ALL;
    private UUID scannedUpTo;
    private UUID lastRead;
    private boolean exhausted;

    KeysetPagingReader(int pageSize) {
        this.pageSize = pageSize;
    }

    /**
     * The items of the next page: at most {@code limit} rows with key in {@code [from, to]}, in key order,
     * already filtered and enriched; {@link Page#lastKey} is the last row scanned.
     */
    protected abstract Page<T> fetchPage(UUID from, UUID to, int limit);

    protected abstract UUID keyOf(T item);

    /** The bind parameters of a page's scan: the key range {@code [:from, :to]} and the row {@code :limit}. */
    static MapSqlParameterSource pageParams(UUID from, UUID to, int limit) {
        return new MapSqlParameterSource().addValue("from", from).addValue("to", to).addValue("limit", limit);
    }

    /** A page: the items kept, the key of the last row scanned, and whether the scan returned a full page. */
    record Page<T>(List<T> items, UUID lastKey, boolean full) {
    }

    @Override
    public void open(ExecutionContext context) {
        range = GoalIdRange.of(context);
        lastRead = lastCommitted(context);
        scannedUpTo = lastRead;
        buffer.clear();
        exhausted = false;
    }

    @Override
    public T read() {
        while (buffer.isEmpty() && !exhausted) {
            Optional<GoalIdRange> rest = range.after(scannedUpTo);
            if (rest.isEmpty()) {
                exhausted = true; // the last possible id has been scanned
                break;
            }
            Page<T> page = fetchPage(rest.get().from(), rest.get().to(), pageSize);
            buffer.addAll(page.items());
            scannedUpTo = page.lastKey() == null ? scannedUpTo : page.lastKey();
            exhausted = !page.full();
        }
        T item = buffer.poll();
        if (item != null) {
            lastRead = keyOf(item);
        }
        return item;
    }

    /** The id of the last item of the last committed chunk, as checkpointed in the step's context; null if none. */
    static UUID lastCommitted(ExecutionContext context) {
        String saved = context.getString(LAST_KEY, null);
        return saved == null ? null : UUID.fromString(saved);
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastRead != null) {
            context.putString(LAST_KEY, lastRead.toString());
        }
    }
}
