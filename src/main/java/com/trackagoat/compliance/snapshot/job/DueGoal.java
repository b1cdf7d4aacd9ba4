package com.trackagoat.compliance.snapshot.job;

import java.util.UUID;

import com.trackagoat.compliance.evaluation.Goal;

/**
 * A goal as the close and nightly jobs read it: the goal row with its organization's zone. {@code projectId}
 * is the creator's project (the goal's own where the creator is missing); {@code orgId} may be null.
 */
record DueGoal(Goal goal, UUID projectId, UUID orgId, String timezone, boolean creatorExists) {
}
