package com.trackagoat.compliance.snapshot.job;

import java.util.UUID;

import com.trackagoat.compliance.evaluation.Settled;

/** A final snapshot as the restatement job reads it: who it is about and what it settled on. */
record FinalRecord(UUID goalId, UUID orgId, UUID projectId, UUID creatorId, String period, Settled settled) {
}
