package com.trackagoat.compliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code goal_compliance_snapshot_lag_seconds}: the age of the oldest snapshot job instance that is due and has
 * not completed, 0 when everything due has completed. Worked out from the job repository when scraped, at
 * most once per {@link #REFRESH}. Never NaN: while the job repository cannot be read (the database is away, or
 * a history query fails), the oldest pending instance last seen is taken to be pending still, so the lag keeps
 * growing from it and an alert on it fires during a long outage; 0 when none was pending or none was seen yet.
 */
class SnapshotLag implements MeterBinder {

    static final String NAME = "goal_compliance.snapshot.lag";
    private static final Duration REFRESH = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(SnapshotLag.class);

    private final CatchUp catchUp;
    private final Clock clock;
    private Instant computedAt = Instant.MIN;
    /** The as_of of the oldest pending instance when last read; empty when none was pending (or not read yet). */
    private Optional<Instant> oldestPending = Optional.empty();
    private boolean unreadable;

    SnapshotLag(CatchUp catchUp, Clock clock) {
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        TimeGauge.builder(NAME, this, TimeUnit.SECONDS, SnapshotLag::seconds)
                .description("Age of the oldest due snapshot job instance not yet completed (0 when none)")
                .register(registry);
    }

    synchronized double seconds() {
        Instant now = clock.instant();
        if (Duration.between(computedAt, now).compareTo(REFRESH) >= 0) {
            computedAt = now;
            refresh(now);
        }
        return oldestPending.map(due -> Math.max(0, Duration.between(due, now).toMillis()) / 1000.0).orElse(0.0);
    }

    private void refresh(Instant now) {
        try {
            oldestPending = catchUp.oldestPending(now).map(SnapshotJobParameters::asOf);
            if (unreadable) {
                log.info("snapshot lag known again");
            }
            unreadable = false;
        } catch (RuntimeException e) {
            if (!unreadable) {
                log.warn("snapshot lag cannot be read from the job repository; counting from the oldest pending "
                        + "instance last seen ({}): {}", oldestPending.map(Instant::toString).orElse("none"),
                        e.toString());
            }
            unreadable = true;
        }
    }
}
