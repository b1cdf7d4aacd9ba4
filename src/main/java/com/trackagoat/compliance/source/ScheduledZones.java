package com.trackagoat.compliance.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import com.trackagoat.compliance.evaluation.GoalEvaluator;

/**
 * The organizations' time zones, as stored, and the midnights they schedule. An unusable zone (null or not
 * IANA) is scheduled on UTC midnights, where its goals are rejected with {@code invalid_timezone}. UTC's
 * midnights are scheduled only while some organization is scheduled on UTC (that, or a zone spelled
 * {@code UTC}, {@code Etc/UTC}, …): otherwise a UTC midnight job would read no goal and record an empty run.
 */
public final class ScheduledZones {

    /** Nulls included: an organization without a zone is scheduled on UTC. */
    private static final String DISTINCT_ZONES = "SELECT DISTINCT timezone FROM organizations ORDER BY timezone";

    /**
     * As {@link #DISTINCT_ZONES}, plus a null when an active goal has no organization at all (no creator and
     * project row leading to one): such a goal has no zone, so it is rejected with {@code invalid_timezone} at
     * every UTC midnight (compliance.md, "Bad input"), and those midnights must be planned for it.
     */
    private static final String PLANNED_ZONES = """
            SELECT timezone FROM organizations
            UNION
            SELECT CAST(NULL AS text) WHERE EXISTS (
              SELECT 1 FROM creator_goals g
              LEFT JOIN creators c ON c.id = g.creator_id
              LEFT JOIN projects p ON p.id = COALESCE(c.project_id, g.project_id)
              LEFT JOIN organizations o ON o.id = p.org_id
              WHERE g.is_active AND o.id IS NULL)
            ORDER BY timezone
            """;

    /** The stored zone texts, without null. */
    private final List<String> timezones;
    /** The zones whose midnights are scheduled: UTC once for all its spellings. */
    private final Set<ZoneId> zones;

    /** @param timezones the organizations' zones as stored, null included */
    public ScheduledZones(List<String> timezones) {
        this.timezones = timezones.stream().filter(Objects::nonNull).toList();
        TreeMap<String, ZoneId> byName = new TreeMap<>();
        for (String timezone : timezones) {
            ZoneId zone = GoalEvaluator.scheduleZone(timezone).normalized();
            byName.putIfAbsent(zone.getId(), zone);
        }
        this.zones = Set.copyOf(byName.values());
    }

    /** The organizations' zones: enough to tell which organizations a midnight is due for. */
    public static ScheduledZones load(JdbcTemplate jdbc) {
        return new ScheduledZones(jdbc.queryForList(DISTINCT_ZONES, String.class));
    }

    /** The zones to plan midnights for: the organizations', and UTC for goals without an organization. */
    public static ScheduledZones forPlanning(JdbcTemplate jdbc) {
        return new ScheduledZones(jdbc.queryForList(PLANNED_ZONES, String.class));
    }

    /** The zones whose midnights are scheduled; {@code ZoneOffset.UTC} when some organization is on UTC. */
    public Set<ZoneId> zones() {
        return zones;
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

    /** Every instant in {@code (since, until]} that is a midnight of some scheduled zone. */
    public Set<Instant> midnightsBetween(Instant since, Instant until) {
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
