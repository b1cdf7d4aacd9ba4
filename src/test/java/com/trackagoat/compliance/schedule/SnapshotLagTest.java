package com.trackagoat.compliance.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.support.SettableClock;

class SnapshotLagTest {

    private static final Instant NOW = Instant.parse("2026-06-01T06:00:00Z");
    private static final SnapshotJobParameters PENDING = new SnapshotJobParameters(Phase.CLOSE,
            Instant.parse("2026-06-01T05:00:00Z"));
    private static final RuntimeException DATABASE_AWAY = new DataAccessResourceFailureException("connection refused");

    private final SettableClock clock = new SettableClock(NOW);
    private final CatchUp catchUp = mock(CatchUp.class);
    private final SnapshotLag lag = new SnapshotLag(catchUp, clock);

    @Test
    void anUnreadableJobRepositoryBeforeAnyReadIsALagOfZeroNotNaN() {
        when(catchUp.oldestPending(NOW)).thenThrow(DATABASE_AWAY);

        assertThat(lag.seconds()).isZero();
    }

    @Test
    void whileTheJobRepositoryIsUnreadableTheLagGrowsFromTheOldestPendingInstanceLastSeen() {
        // given an instance pending for an hour
        when(catchUp.oldestPending(NOW)).thenReturn(Optional.of(PENDING));
        assertThat(lag.seconds()).isEqualTo(3600.0);

        // when the history cannot be read a minute later
        clock.advance(Duration.ofMinutes(1));
        when(catchUp.oldestPending(clock.instant())).thenThrow(DATABASE_AWAY);

        // then the lag is still counted from that instance
        assertThat(lag.seconds()).isEqualTo(3660.0);
    }

    @Test
    void nothingPendingWhenLastReadStaysZeroWhileUnreadable() {
        when(catchUp.oldestPending(NOW)).thenReturn(Optional.empty());
        assertThat(lag.seconds()).isZero();
        clock.advance(Duration.ofMinutes(1));
        when(catchUp.oldestPending(clock.instant())).thenThrow(new IllegalStateException("time zone displacement out of range"));

        assertThat(lag.seconds()).isZero();
    }
}
