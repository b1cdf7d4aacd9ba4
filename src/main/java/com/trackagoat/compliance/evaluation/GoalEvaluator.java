package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The compliance rules of {@code spec/compliance.md}: pure Java over records. No clock is read here: every
 * method takes the instant it evaluates at.
 */
public final class GoalEvaluator {

    /** {@link ZoneId#getAvailableZoneIds()} copies the set on every call: read it once. */
    private static final Set<String> IANA_ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final EvaluationSettings settings;
    private final Scoring scoring;
    private final Restating restating;

    public GoalEvaluator(EvaluationSettings settings) {
        this.settings = settings;
        this.scoring = new Scoring(settings);
        this.restating = new Restating(settings);
    }

    public EvaluationSettings settings() {
        return settings;
    }

    /**
     * The IANA zone of an organization's time zone text; empty when it is null or not an IANA region id
     * (offsets such as "+05:00" parse as ZoneIds but are not IANA zones).
     */
    public static Optional<ZoneId> zoneOf(String timezone) {
        return timezone != null && IANA_ZONE_IDS.contains(timezone)
                ? Optional.of(ZoneId.of(timezone))
                : Optional.empty();
    }

    /**
     * The zone whose midnights schedule a goal's snapshots: the organization's zone, or UTC when that is
     * invalid (such goals are rejected with {@code invalid_timezone} at every UTC midnight).
     */
    public static ZoneId scheduleZone(String timezone) {
        return zoneOf(timezone).orElse(UTC);
    }

    /** Whether {@code instant} is a local midnight in {@code zone} (after a DST gap at midnight: the day's first instant). */
    public static boolean isLocalMidnight(Instant instant, ZoneId zone) {
        return Schedule.isMidnight(instant, zone);
    }

    /**
     * The first reject reason (in the spec's precedence order) that can be decided without creator data, i.e.
     * every reason but {@code invalid_data}.
     */
    public Optional<Rejection> validate(Goal goal, String timezone, boolean creatorExists) {
        return Validation.validate(goal, timezone, creatorExists);
    }

    /**
     * Which snapshot a goal gets at {@code midnight}: {@code CLOSE} when one of its windows ends there,
     * {@code NIGHTLY} when the midnight lies inside a window or before the goal's start, empty once its last
     * window has closed, when the goal is inactive or created after {@code midnight}, or when
     * {@code midnight} is not a local midnight of its {@link #scheduleZone}. A goal rejected for a reason
     * that {@linkplain RejectReason#rejectsEveryMidnight() applies at every midnight} gets {@code NIGHTLY}.
     */
    public Optional<Phase> phaseAt(Goal goal, String timezone, boolean creatorExists, Instant midnight) {
        ZoneId zone = scheduleZone(timezone);
        if (!isSnapshotInstant(goal, zone, midnight)) {
            return Optional.empty();
        }
        Optional<Rejection> rejection = validate(goal, timezone, creatorExists);
        if (rejection.isPresent() && rejection.get().reason().rejectsEveryMidnight()) {
            return Optional.of(Phase.NIGHTLY);
        }
        Schedule schedule = Schedule.of(goal, zone);
        return schedule.phaseOn(schedule.localDate(midnight));
    }

    /**
     * The window a close or nightly snapshot at {@code midnight} evaluates (for a goal not yet started: the
     * calendar period containing {@code midnight}); empty where {@link #phaseAt} gives no such phase or the
     * goal is rejected before data is read. Lets a caller fetch just the creator data it needs.
     */
    public Optional<Window> snapshotWindow(Goal goal, String timezone, Phase phase, Instant midnight) {
        // Whether the creator exists is not known here; evaluateSnapshot rejects a missing one.
        if (validate(goal, timezone, true).isPresent()) {
            return Optional.empty();
        }
        return snapshotWindow(goal, Schedule.of(goal, scheduleZone(timezone)), phase, midnight);
    }

    /** A {@code close} or {@code nightly} snapshot of the goal at {@code midnight} (as_of = midnight). */
    public Outcome evaluateSnapshot(Goal goal, String timezone, boolean creatorExists, Phase phase,
                                    Instant midnight, CreatorActivity activity) {
        Optional<Rejection> rejection = validate(goal, timezone, creatorExists);
        if (rejection.isPresent()) {
            return new Outcome.Rejected(rejection.get());
        }
        Schedule schedule = Schedule.of(goal, scheduleZone(timezone));
        Window window = snapshotWindow(goal, schedule, phase, midnight)
                .orElseThrow(() -> new IllegalArgumentException(
                        "goal " + goal.id() + " has no " + phase.code() + " snapshot at " + midnight));
        return evaluate(goal, schedule, window, activity, midnight);
    }

    /**
     * The window {@link #evaluateLive} evaluates at {@code asOf}; empty for a goal rejected before data is read.
     * Lets a caller fetch just the creator data it needs.
     */
    public Optional<Window> liveWindow(Goal goal, String timezone, Instant asOf) {
        if (validate(goal, timezone, true).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Schedule.of(goal, scheduleZone(timezone)).liveWindow(asOf));
    }

    /** What the API shows for the goal at any instant {@code asOf} (the window containing it). */
    public Outcome evaluateLive(Goal goal, String timezone, boolean creatorExists, CreatorActivity activity,
                                Instant asOf) {
        Optional<Rejection> rejection = validate(goal, timezone, creatorExists);
        if (rejection.isPresent()) {
            return new Outcome.Rejected(rejection.get());
        }
        Schedule schedule = Schedule.of(goal, scheduleZone(timezone));
        return evaluate(goal, schedule, schedule.liveWindow(asOf), activity, asOf);
    }

    /**
     * A {@code final} snapshot: the terms a close snapshot recorded, evaluated at {@code asOf} (close + settle
     * delay) on the data visible then. Only {@code invalid_data} can reject here.
     */
    public Outcome settle(Terms closeTerms, CreatorActivity activity, Instant asOf) {
        return scoring.evaluate(closeTerms, activity, asOf, null);
    }

    /**
     * A final's restatement at {@code asOf} (final + restatement delay): its actual plus what videos discovered
     * after it add, where that changes its actual or status (compliance.md "Restatements"). {@code activity}
     * lists the creator's videos (at least the late ones, listed, not tallied) and scrapes up to {@code asOf}.
     */
    public Restatement restate(Settled settled, CreatorActivity activity, Instant asOf) {
        return restating.restate(settled, activity, asOf);
    }

    private static boolean isSnapshotInstant(Goal goal, ZoneId zone, Instant midnight) {
        return goal.active() && !goal.createdAt().isAfter(midnight) && Schedule.isMidnight(midnight, zone);
    }

    /** The window of a valid goal's {@code phase} snapshot at {@code midnight}, if it has one there. */
    private static Optional<Window> snapshotWindow(Goal goal, Schedule schedule, Phase phase, Instant midnight) {
        if (!isSnapshotInstant(goal, schedule.zone(), midnight)) {
            return Optional.empty();
        }
        LocalDate day = schedule.localDate(midnight);
        return schedule.phaseOn(day).filter(phase::equals).map(due -> schedule.snapshotWindow(due, day));
    }

    /** Evaluates a validated goal over {@code window}; before its start nothing has accrued. */
    private Outcome evaluate(Goal goal, Schedule schedule, Window window, CreatorActivity activity, Instant asOf) {
        Metric metric = Metric.parse(goal.metric()).orElseThrow();
        Terms terms = new Terms(metric, goal.targetValue(), window);
        LocalDate pendingStart = schedule.notYetStartedOn(schedule.localDate(asOf)) ? goal.startDate() : null;
        return scoring.evaluate(terms, activity, asOf, pendingStart);
    }
}
