package com.trackagoat.compliance.api;

import java.time.ZoneId;
import java.util.UUID;

import com.trackagoat.compliance.evaluation.GoalEvaluator;

/** A project the caller may read, with its organization's time zone text as stored (possibly bad). */
public record ApiProject(UUID id, UUID orgId, String timezone) {

    /** The zone whose local dates the project's reference dates are (UTC for a bad zone, as the job does). */
    public ZoneId zone() {
        return GoalEvaluator.scheduleZone(timezone);
    }
}
