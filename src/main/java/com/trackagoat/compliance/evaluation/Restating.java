package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The restatement rule of compliance.md: a final's actual plus what its late videos (posted in its window,
 * discovered after the final and by the restatement instant) add under its metric. Followers are never
 * restated: scrapes carry no discovery time.
 */
final class Restating {

    private final EvaluationSettings settings;
    private final Advisories advisories;

    Restating(EvaluationSettings settings) {
        this.settings = settings;
        this.advisories = new Advisories(settings.settleDelay());
    }

    /**
     * {@code activity} holds the creator's videos (any superset of the late ones) and scrapes; {@code asOf} is
     * the restatement instant R.
     */
    Restatement restate(Settled settled, CreatorActivity activity, Instant asOf) {
        Terms terms = settled.terms();
        if (terms.metric() == Metric.FOLLOWERS) {
            return Restatement.UNCHANGED;
        }
        List<Video> late = lateVideos(settled, activity, asOf);
        if (late.isEmpty()) {
            return Restatement.UNCHANGED;
        }
        CreatorActivity lateOnly = new CreatorActivity(late, activity.scrapes());
        Optional<Rejection> invalid = Tally.invalidData(terms.metric(), terms.window(), asOf, lateOnly);
        if (invalid.isPresent()) {
            return new Restatement.Rejected(invalid.get());
        }
        OptionalLong restated = total(settled.actual(), Tally.actual(terms.metric(), terms.window(), asOf, lateOnly));
        if (restated.isEmpty()) {
            return new Restatement.Rejected(Tally.overflow(terms.metric()));
        }
        long actual = restated.getAsLong();
        Status status = actual >= terms.target() ? Status.COMPLETED : Status.MISSED;
        if (actual == settled.actual() && status == settled.status()) {
            return Restatement.UNCHANGED;
        }
        Advisory advisory = advisories.advisory(terms.window(), asOf, Freshness.at(asOf, activity.scrapes(), settings),
                null);
        Evaluation evaluation = new Evaluation(terms, actual, Pace.percentage(actual, terms.target()), status,
                advisory);
        return new Restatement.Restated(evaluation, Eligibility.of(status, advisory.scrapeStale()));
    }

    /** Videos posted in the final's window and discovered in {@code (final, asOf]}. */
    private static List<Video> lateVideos(Settled settled, CreatorActivity activity, Instant asOf) {
        if (!(activity.videos() instanceof ListedVideos listed)) {
            throw new IllegalArgumentException("a restatement needs the late videos listed, not a tally");
        }
        return listed.videos().stream()
                .filter(v -> settled.terms().window().contains(v.postedAt()))
                .filter(v -> v.discoveredAt().isAfter(settled.asOf()) && !v.discoveredAt().isAfter(asOf))
                .toList();
    }

    private static OptionalLong total(long finalActual, OptionalLong late) {
        if (late.isEmpty()) {
            return late;
        }
        try {
            return OptionalLong.of(Math.addExact(finalActual, late.getAsLong()));
        } catch (ArithmeticException overflow) {
            return OptionalLong.empty();
        }
    }
}
