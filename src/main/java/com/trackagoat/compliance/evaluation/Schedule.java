package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A valid goal's calendar in its organization's zone: which local dates it is active on, and the windows
 * (calendar periods clipped to those dates) that follow. Clipping is done on local dates, which is the same
 * as clipping instants because local midnights are increasing.
 */
record Schedule(ZoneId zone, Period period, LocalDate startDate, LocalDate endDate) {

    static Schedule of(Goal goal, ZoneId zone) {
        Period period = Period.parse(goal.period())
                .orElseThrow(() -> new IllegalArgumentException("unvalidated period " + goal.period()));
        return new Schedule(zone, period, goal.startDate(), goal.endDate());
    }

    /** Local 00:00 of {@code day}; a midnight lost to a DST gap resolves to the first instant after it. */
    Instant midnight(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Whether {@code instant} is the start of its local day in {@code zone}. */
    static boolean isMidnight(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone).atStartOfDay(zone).toInstant().equals(instant);
    }

    boolean isActiveOn(LocalDate day) {
        return (startDate == null || !day.isBefore(startDate)) && (endDate == null || !day.isAfter(endDate));
    }

    boolean notYetStartedOn(LocalDate day) {
        return startDate != null && day.isBefore(startDate);
    }

    /** The unclipped calendar period containing {@code day}: what a goal not yet started reports. */
    Window calendarPeriod(LocalDate day) {
        LocalDate first = period.firstDay(day);
        return new Window(midnight(first), midnight(period.nextFirstDay(first)));
    }

    /** The goal's window containing {@code day}, which must be an active day. */
    Window window(LocalDate day) {
        LocalDate first = period.firstDay(day);
        LocalDate next = period.nextFirstDay(first);
        LocalDate from = startDate != null && startDate.isAfter(first) ? startDate : first;
        LocalDate until = endDate != null && endDate.plusDays(1).isBefore(next) ? endDate.plusDays(1) : next;
        return new Window(midnight(from), midnight(until));
    }

    /**
     * The snapshot due at the midnight that starts {@code day}. A window ends there when the day before was
     * active and either a new period starts or the goal's last day has passed; a close wins over a nightly
     * because a goal gets at most one snapshot per midnight.
     */
    Optional<Phase> phaseOn(LocalDate day) {
        boolean windowEnds = isActiveOn(day.minusDays(1))
                && (period.startsOn(day) || (endDate != null && day.equals(endDate.plusDays(1))));
        if (windowEnds) {
            return Optional.of(Phase.CLOSE);
        }
        if (notYetStartedOn(day) || isActiveOn(day)) {
            return Optional.of(Phase.NIGHTLY);
        }
        return Optional.empty();
    }

    /** The window a snapshot of {@code phase} at the midnight that starts {@code day} evaluates. */
    Window snapshotWindow(Phase phase, LocalDate day) {
        if (phase == Phase.CLOSE) {
            return window(day.minusDays(1));
        }
        return notYetStartedOn(day) ? calendarPeriod(day) : window(day);
    }

    /**
     * The window shown live at {@code asOf}: the calendar period before the start, the last window after
     * the end, else the window containing it.
     */
    Window liveWindow(Instant asOf) {
        LocalDate day = localDate(asOf);
        if (notYetStartedOn(day)) {
            return calendarPeriod(day);
        }
        return window(endDate != null && day.isAfter(endDate) ? endDate : day);
    }
}
