package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;

/** Evaluates fixed terms at one instant: the common core of snapshots, live views and finals. */
final class Scoring {

    private final EvaluationSettings settings;
    private final Pace pace;
    private final Advisories advisories;

    Scoring(EvaluationSettings settings) {
        this.settings = settings;
        this.pace = new Pace(settings.atRiskThreshold());
        this.advisories = new Advisories(settings.settleDelay());
    }

    /**
     * {@code pendingStart} is the goal's start date when it has not started at {@code asOf}: nothing is
     * counted then (actual 0, on track), but the advisory still reports the period and scrape freshness.
     */
    Outcome evaluate(Terms terms, CreatorActivity activity, Instant asOf, LocalDate pendingStart) {
        long actual = 0;
        Status status = Status.ON_TRACK;
        if (pendingStart == null) {
            var invalid = Tally.invalidData(terms.metric(), terms.window(), asOf, activity);
            if (invalid.isPresent()) {
                return new Outcome.Rejected(invalid.get());
            }
            OptionalLong counted = Tally.actual(terms.metric(), terms.window(), asOf, activity);
            if (counted.isEmpty()) {
                return new Outcome.Rejected(Tally.overflow(terms.metric()));
            }
            actual = counted.getAsLong();
            status = pace.status(actual, terms.target(), terms.window(), asOf);
        }
        Freshness freshness = Freshness.at(asOf, activity.scrapes(), settings);
        Advisory advisory = advisories.advisory(terms.window(), asOf, freshness, pendingStart);
        return new Outcome.Evaluated(new Evaluation(terms, actual, Pace.percentage(actual, terms.target()),
                status, advisory));
    }
}
