package com.trackagoat.compliance.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import com.trackagoat.compliance.snapshot.catchup.FailedInstance;
import com.trackagoat.compliance.snapshot.catchup.FailingInstances;

/**
 * {@code snapshots} in {@code /actuator/health}: DOWN while a snapshot job instance in the look-back is left
 * failed, listing each (phase, as_of, failed executions, when the last ended, its next retry, the exit
 * message's root cause); UP otherwise. DOWN because the snapshots those instances owe are missing: whoever reads
 * the overall health (a dashboard, an alert) should see it. It is in neither the liveness nor the readiness
 * group, so a failing batch never restarts the pod or takes it out of service: the read API still serves what
 * completed, and the process is what retries the instance.
 */
class SnapshotsHealthIndicator extends AbstractHealthIndicator {

    /** The first failing instances listed; the count covers all. */
    private static final int LISTED = 20;

    private final FailingInstances failing;

    SnapshotsHealthIndicator(FailingInstances failing) {
        super("Snapshot job history check failed");
        this.failing = failing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<FailedInstance> instances = failing.list();
        (instances.isEmpty() ? builder.up() : builder.down())
                .withDetail("failing", instances.size())
                .withDetail("instances", instances.stream().limit(LISTED).map(this::describe).toList());
    }

    private Map<String, Object> describe(FailedInstance failed) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("phase", failed.instance().phase().code());
        detail.put("as_of", failed.instance().asOf().toString());
        detail.put("failed_executions", failed.failures());
        detail.put("last_failed_at", failed.lastFailedAt().toString());
        detail.put("next_retry", failing.retryAt(failed).toString());
        detail.put("exit_message", failed.reason());
        return detail;
    }
}
