package com.trackagoat.compliance.evaluation;

import java.time.Instant;

/** A final snapshot as a restatement reads it: its terms, its instant and what it settled on. */
public record Settled(Terms terms, Instant asOf, long actual, Status status, Eligibility eligibility) {
}
