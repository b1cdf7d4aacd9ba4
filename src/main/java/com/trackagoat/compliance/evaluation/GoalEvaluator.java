package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The compliance rules of {@code spec/compliance.md}: pure Java over records. No clock is read here: every
 * method takes the instant it evaluates at.
 */
public final class GoalEvaluator {

    private final EvaluationSettings settings;

    public GoalEvaluator(EvaluationSettings settings) {
        this.settings = settings;
    }

    public EvaluationSettings settings() {
        return settings;
    }

    /** The IANA zone of an organization's time zone text; empty when it is null or not an IANA region id. */
    public static Optional<ZoneId> zoneOf(String timezone) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * The zone whose midnights schedule a goal's snapshots: the organization's zone, or UTC when that is
     * invalid (such goals are rejected with {@code invalid_timezone} at every UTC midnight).
     */
    public static ZoneId scheduleZone(String timezone) {
        return zoneOf(timezone).orElse(ZoneId.of("UTC"));
    }

    /**
     * The first reject reason (in the spec's precedence order) that can be decided without creator data, i.e.
     * every reason but {@code invalid_data}.
     */
    public Optional<Rejection> validate(Goal goal, String timezone, boolean creatorExists) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Which snapshot a goal gets at {@code midnight}: {@code CLOSE} when one of its windows ends there,
     * {@code NIGHTLY} when the midnight lies inside a window or before the goal's start, empty once its last
     * window has closed, when the goal is inactive or created after {@code midnight}, or when
     * {@code midnight} is not a local midnight of its {@link #scheduleZone}. A goal rejected for a reason
     * that {@linkplain RejectReason#rejectsEveryMidnight() applies at every midnight} gets {@code NIGHTLY}.
     */
    public Optional<Phase> phaseAt(Goal goal, String timezone, boolean creatorExists, Instant midnight) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * The window a close or nightly snapshot at {@code midnight} evaluates (for a goal not yet started: the
     * calendar period containing {@code midnight}); empty where {@link #phaseAt} gives no such phase or the
     * goal is rejected before data is read. Lets a caller fetch just the creator data it needs.
     */
    public Optional<Window> snapshotWindow(Goal goal, String timezone, Phase phase, Instant midnight) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A {@code close} or {@code nightly} snapshot of the goal at {@code midnight} (as_of = midnight). */
    public Outcome evaluateSnapshot(Goal goal, String timezone, boolean creatorExists, Phase phase,
                                    Instant midnight, CreatorActivity activity) {
        throw new UnsupportedOperationException("TODO");
    }

    /** What the API shows for the goal at any instant {@code asOf} (the window containing it). */
    public Outcome evaluateLive(Goal goal, String timezone, boolean creatorExists, CreatorActivity activity,
                                Instant asOf) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * A {@code final} snapshot: the terms a close snapshot recorded, evaluated at {@code asOf} (close + settle
     * delay) on the data visible then. Only {@code invalid_data} can reject here.
     */
    public Outcome settle(Terms closeTerms, CreatorActivity activity, Instant asOf) {
        throw new UnsupportedOperationException("TODO");
    }
}
