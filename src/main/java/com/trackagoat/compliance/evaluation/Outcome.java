package com.trackagoat.compliance.evaluation;

/** What evaluating a goal yields: an evaluation, or a rejection with a reason. */
public sealed interface Outcome permits Outcome.Evaluated, Outcome.Rejected {

    record Evaluated(Evaluation evaluation) implements Outcome {
    }

    record Rejected(Rejection rejection) implements Outcome {
    }
}
