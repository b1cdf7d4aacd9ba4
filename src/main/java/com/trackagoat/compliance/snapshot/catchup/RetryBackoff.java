package com.trackagoat.compliance.snapshot.catchup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When {@code serve} runs a failed instance again: its first delay after the first failure, doubling with each
 * further failure up to the maximum, counted from the end of its last execution. Derived from the job
 * repository alone, so the schedule survives restarts and is the same on every replica.
 */
public final class RetryBackoff {

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;

    public RetryBackoff(Duration firstDelay, Duration maxDelay, Clock clock) {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("goal-compliance.retry: first-delay must be positive and max-delay "
                    + "at least first-delay (were " + firstDelay + " and " + maxDelay + ")");
        }
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** The wait after the {@code failures}-th failed execution (1 or more). */
    public Duration delayAfter(int failures) {
        Duration delay = firstDelay;
        for (int n = 1; n < failures && delay.compareTo(maxDelay) < 0; n++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }

    public Instant retryAt(FailedInstance failed) {
        return failed.lastFailedAt().plus(delayAfter(Math.max(1, failed.failures())));
    }

    /** Whether its delay has passed. */
    public boolean isDue(FailedInstance failed) {
        return !clock.instant().isBefore(retryAt(failed));
    }

    /** The earliest retry of these instances. */
    public Optional<Instant> next(Collection<FailedInstance> failed) {
        return failed.stream().map(this::retryAt).min(Instant::compareTo);
    }
}
