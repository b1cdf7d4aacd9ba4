package com.trackagoat.compliance.snapshot.job;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * An inclusive range of goal ids, in PostgreSQL's uuid order (unsigned, byte by byte: the order of the ids
 * read as 128-bit numbers). Inclusive bounds with a {@link #successor} let a keyset query always say
 * {@code id BETWEEN :from AND :to}, which the primary key's index can range-scan; no id is out of reach.
 */
record GoalIdRange(UUID from, UUID to) {

    static final GoalIdRange ALL = new GoalIdRange(new UUID(0, 0), new UUID(-1L, -1L));

    static final String FROM_KEY = "goalIdFrom";
    static final String TO_KEY = "goalIdTo";

    private static final BigInteger SPAN = BigInteger.ONE.shiftLeft(128);

    /** {@code n} contiguous ranges of equal width covering every id: ids are uniformly spread (UUIDs). */
    static List<GoalIdRange> split(int n) {
        List<GoalIdRange> ranges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigInteger from = SPAN.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
            BigInteger to = SPAN.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(n)).subtract(BigInteger.ONE);
            ranges.add(new GoalIdRange(uuid(from), uuid(to)));
        }
        return ranges;
    }

    /** The next id after {@code id}; empty after the last possible id. */
    static Optional<UUID> successor(UUID id) {
        BigInteger next = number(id).add(BigInteger.ONE);
        return next.equals(SPAN) ? Optional.empty() : Optional.of(uuid(next));
    }

    /** The first id of this range still to read after {@code lastRead} (null: none read yet); empty: none left. */
    Optional<UUID> firstAfter(UUID lastRead) {
        return lastRead == null ? Optional.of(from) : successor(lastRead);
    }

    /** What is left of this range to read after {@code lastRead} (null: none read yet); empty: nothing. */
    Optional<GoalIdRange> after(UUID lastRead) {
        return firstAfter(lastRead).map(first -> new GoalIdRange(first, to));
    }

    /**
     * The share of this range's ids that lie up to and including {@code id}, from 0 to 1: with ids spread
     * uniformly (random UUIDs), about the share of the range's goals read once {@code id} is read.
     */
    double shareThrough(UUID id) {
        BigInteger width = number(to).subtract(number(from)).add(BigInteger.ONE);
        BigInteger through = number(id).subtract(number(from)).add(BigInteger.ONE);
        return Math.min(1, Math.max(0, through.doubleValue() / width.doubleValue()));
    }

    /** The range a partition's context holds, or every id for an unpartitioned step. */
    static GoalIdRange of(ExecutionContext context) {
        String from = context.getString(FROM_KEY, null);
        String to = context.getString(TO_KEY, null);
        return from == null || to == null ? ALL : new GoalIdRange(UUID.fromString(from), UUID.fromString(to));
    }

    ExecutionContext toContext() {
        ExecutionContext context = new ExecutionContext();
        context.putString(FROM_KEY, from.toString());
        context.putString(TO_KEY, to.toString());
        return context;
    }

    private static BigInteger number(UUID id) {
        return new BigInteger(1, ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
    }

    private static UUID uuid(BigInteger n) {
        long high = n.shiftRight(64).longValue();
        long low = n.longValue();
        return new UUID(high, low);
    }
}
