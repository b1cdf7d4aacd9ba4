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
 * most once per {@link Refreshed#REFRESH}. Never NaN: while the job repository cannot be read (the database is
 * away, or a history query fails), the oldest pending instance last seen is taken to be pending still, so the
 * lag keeps growing from it and an alert on it fires during a long outage; 0 when none was pending or none was
 * seen yet.
 */
class SnapshotLag implements MeterBinder {

    static final String NAME = "goal_compliance.snapshot.lag";
    private static final Logger log = LoggerFactory.getLogger(SnapshotLag.class);

    /** The as_of of the oldest pending instance when last read; empty when none was pending (or not read yet). */
    private final Refreshed<Optional<Instant>> oldestPending;

    SnapshotLag(CatchUp catchUp, Clock clock) {
        this.oldestPending = new Refreshed<>(clock, Optional.empty(),
                now -> catchUp.oldestPending(now).map(SnapshotJobParameters::asOf),
                (kept, e) -> log.warn("snapshot lag cannot be read from the job repository; counting from the oldest "
                        + "pending instance last seen ({}): {}", kept.map(Instant::toString).orElse("none"),
                        e.toString()),
                () -> log.info("snapshot lag known again"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        TimeGauge.builder(NAME, this, TimeUnit.SECONDS, SnapshotLag::seconds)
                .description("Age of the oldest due snapshot job instance not yet completed (0 when none)")
                .register(registry);
    }

    double seconds() {
        Refreshed.Reading<Optional<Instant>> pending = oldestPending.get();
        return pending.value().map(due -> Math.max(0, Duration.between(due, pending.at()).toMillis()) / 1000.0)
                .orElse(0.0);
    }
}
