package com.trackagoat.compliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A gauge's value read from the job repository when scraped, at most once per {@link #REFRESH}. While it
 * cannot be read the value last read is kept (the initial value before any), and only the first failure of a
 * run of them is reported.
 *
 * @param <T> the value
 */
final class Refreshed<T> {

    static final Duration REFRESH = Duration.ofSeconds(10);

    private final Clock clock;
    private final Function<Instant, T> read;
    private final BiConsumer<T, RuntimeException> unreadable;
    private final Runnable readableAgain;
    private Instant computedAt = Instant.MIN;
    private T value;
    private boolean failing;

    /**
     * @param read          reads the value at the given instant
     * @param unreadable    told the kept value and the cause when a read fails after one that did not
     * @param readableAgain told when a read succeeds after one that failed
     */
    Refreshed(Clock clock, T initial, Function<Instant, T> read, BiConsumer<T, RuntimeException> unreadable,
              Runnable readableAgain) {
        this.clock = clock;
        this.value = initial;
        this.read = read;
        this.unreadable = unreadable;
        this.readableAgain = readableAgain;
    }

    /** The current instant of the clock and the value then: read again once {@link #REFRESH} has passed. */
    synchronized Reading<T> get() {
        Instant now = clock.instant();
        if (Duration.between(computedAt, now).compareTo(REFRESH) >= 0) {
            computedAt = now;
            try {
                value = read.apply(now);
                if (failing) {
                    readableAgain.run();
                }
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    unreadable.accept(value, e);
                }
                failing = true;
            }
        }
        return new Reading<>(now, value);
    }

    record Reading<T>(Instant at, T value) {
    }
}
