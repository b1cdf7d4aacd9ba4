package com.trackagoat.compliance.schedule;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.trackagoat.compliance.snapshot.catchup.FailingInstances;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code goal_compliance_failing_instances}: how many snapshot job instances in the look-back are left failed
 * (their last execution failed, none completed). Read from the job repository when scraped, at most once per
 * {@link Refreshed#REFRESH}; while the database cannot be read it keeps its last value (0 before any), since
 * the {@code db} health and the lag say that the database is unreachable.
 */
class FailingInstancesGauge implements MeterBinder {

    static final String NAME = "goal_compliance.failing.instances";
    private static final Logger log = LoggerFactory.getLogger(FailingInstancesGauge.class);

    private final Refreshed<Double> count;

    FailingInstancesGauge(FailingInstances failing, Clock clock) {
        this.count = new Refreshed<>(clock, 0.0, now -> (double) failing.list().size(),
                (kept, e) -> log.warn("failing snapshot job instances unknown, keeping {}: {}", kept, e.toString()),
                () -> { });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, this, FailingInstancesGauge::count)
                .description("Snapshot job instances in the look-back whose last execution failed and that have not completed")
                .register(registry);
    }

    double count() {
        return count.get().value();
    }
}
