package com.trackagoat.compliance.snapshot.catchup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.support.SettableClock;

class RetryBackoffTest {

    private static final Instant FAILED_AT = Instant.parse("2026-06-01T05:03:00Z");

    private final SettableClock clock = new SettableClock(FAILED_AT);
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMinutes(1), Duration.ofHours(1), clock);

    @Test
    void theDelayStartsAtOneMinuteAndDoublesUpToOneHour() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 100).stream().map(backoff::delayAfter).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aFailedInstanceIsDueAgainOnceItsDelayHasPassedSinceItsLastExecutionEnded() {
        // given an instance whose third execution failed at FAILED_AT
        FailedInstance failed = failedClose(3, FAILED_AT);

        // then it waits 4 minutes from then, to the millisecond
        assertThat(backoff.retryAt(failed)).isEqualTo(FAILED_AT.plus(Duration.ofMinutes(4)));
        clock.advance(Duration.ofMinutes(4).minusMillis(1));
        assertThat(backoff.isDue(failed)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(backoff.isDue(failed)).isTrue();
    }

    @Test
    void theNextRetryIsTheEarliestOfTheFailedInstances() {
        FailedInstance manyFailures = failedClose(10, FAILED_AT.minus(Duration.ofMinutes(30)));
        FailedInstance firstFailure = failedClose(1, FAILED_AT);

        assertThat(backoff.next(List.of(manyFailures, firstFailure))).contains(FAILED_AT.plus(Duration.ofMinutes(1)));
        assertThat(backoff.next(List.of())).isEmpty();
    }

    @Test
    void aMaximumBelowTheFirstDelayIsABadSetting() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofMinutes(5), Duration.ofMinutes(1), clock))
                .hasMessageContaining("goal-compliance.retry");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofMinutes(1), clock))
                .hasMessageContaining("first-delay must be positive");
    }

    private static FailedInstance failedClose(int failures, Instant lastFailedAt) {
        return new FailedInstance(new SnapshotJobParameters(Phase.CLOSE, Instant.parse("2026-06-01T05:00:00Z")),
                failures, lastFailedAt, "boom");
    }
}
