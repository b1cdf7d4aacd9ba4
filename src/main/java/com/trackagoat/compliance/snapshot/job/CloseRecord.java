package com.trackagoat.compliance.snapshot.job;

import java.util.UUID;

import com.trackagoat.compliance.evaluation.Terms;

/** A close snapshot as the final job reads it: the terms it closed on and the provisional result. */
record CloseRecord(UUID goalId, UUID orgId, UUID projectId, UUID creatorId, String period, Terms terms,
                   String status, long actual) {
}
