package com.trackagoat.compliance.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import com.trackagoat.compliance.evaluation.GoalEvaluator;

/**
 * The organizations' time zones, as stored, and the midnights they schedule. An unusable zone (null or not
 * IANA) is scheduled on UTC midnights, where its goals are rejected with {@code invalid_timezone}.
 */
public final class ScheduledZones {

    private static final String DISTINCT_ZONES = """
            SELECT DISTINCT timezone FROM organizations WHERE timezone IS NOT NULL ORDER BY timezone
            """;

    private final List<String> timezones;

    public ScheduledZones(List<String> timezones) {
        this.timezones = List.copyOf(timezones);
    }

    public static ScheduledZones load(JdbcTemplate jdbc) {
        return new ScheduledZones(jdbc.queryForList(DISTINCT_ZONES, String.class));
    }

    /** The stored zone texts (valid or not) whose schedule has a midnight at {@code instant}. */
    public Set<String> zonesWithMidnightAt(Instant instant) {
        Set<String> due = new LinkedHashSet<>();
        for (String timezone : timezones) {
            if (GoalEvaluator.isLocalMidnight(instant, GoalEvaluator.scheduleZone(timezone))) {
                due.add(timezone);
            }
        }
        return due;
    }

    public boolean isUtcMidnight(Instant instant) {
        return GoalEvaluator.isLocalMidnight(instant, ZoneOffset.UTC);
    }

    /** Every instant in {@code (since, until]} that is a midnight of some schedule (UTC's included). */
    public Set<Instant> midnightsBetween(Instant since, Instant until) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        zones.add(ZoneOffset.UTC);
        timezones.forEach(tz -> zones.add(GoalEvaluator.scheduleZone(tz)));
        Set<Instant> midnights = new TreeSet<>();
        for (ZoneId zone : zones) {
            LocalDate last = until.atZone(zone).toLocalDate();
            for (LocalDate d = since.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
                Instant midnight = d.atStartOfDay(zone).toInstant();
                if (midnight.isAfter(since) && !midnight.isAfter(until)) {
                    midnights.add(midnight);
                }
            }
        }
        return midnights;
    }
}
