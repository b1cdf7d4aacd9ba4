package com.trackagoat.compliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.trackagoat.compliance.snapshot.CatchUp;
import com.trackagoat.compliance.snapshot.SnapshotJobParameters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code goal_compliance_snapshot_lag_seconds}: the age of the oldest snapshot job instance that is due and has
 * not completed, 0 when everything due has completed. Worked out from the job repository when scraped, at
 * most once per {@link #REFRESH}; NaN while the database cannot be read.
 */
class SnapshotLag implements MeterBinder {

    static final String NAME = "goal_compliance.snapshot.lag";
    private static final Duration REFRESH = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(SnapshotLag.class);

    private final CatchUp catchUp;
    private final Clock clock;
    private Instant computedAt = Instant.MIN;
    private double seconds = Double.NaN;

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
            seconds = compute(now);
            computedAt = now;
        }
        return seconds;
    }

    private double compute(Instant now) {
        try {
            return catchUp.oldestPending(now)
                    .map(SnapshotJobParameters::asOf)
                    .map(due -> Duration.between(due, now).toMillis() / 1000.0)
                    .orElse(0.0);
        } catch (RuntimeException e) {
            log.debug("snapshot lag unknown: {}", e.toString());
            return Double.NaN;
        }
    }
}
