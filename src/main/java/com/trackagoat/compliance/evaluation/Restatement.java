package com.trackagoat.compliance.evaluation;

/**
 * What checking a final for late videos yields: nothing to restate, a restated result (its evaluation and
 * eligibility at the restatement instant), or an {@code invalid_data} rejection.
 */
public sealed interface Restatement permits Restatement.Unchanged, Restatement.Restated, Restatement.Rejected {

    /** No late video, none that changes the actual or status, or a metric that is never restated. */
    record Unchanged() implements Restatement {
    }

    record Restated(Evaluation evaluation, Eligibility eligibility) implements Restatement {
    }

    record Rejected(Rejection rejection) implements Restatement {
    }

    Unchanged UNCHANGED = new Unchanged();
}
