package com.trackagoat.compliance.snapshot.launch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.SupportedTime;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.source.ScheduledZones;

/**
 * Whether an instance asked for by hand is one the schedule has: a close or a nightly at a local midnight of
 * an organization's zone (an unusable or missing zone is scheduled on UTC), a final one settle delay after
 * such a midnight, a restatement one restatement delay after such a final. Anything else would run at an instant no goal is evaluated at and record it COMPLETED.
 */
public class DueInstants {

    private final JdbcTemplate jdbc;
    private final Duration settleDelay;
    private final Duration restatementDelay;

    DueInstants(JdbcTemplate jdbc, Duration settleDelay, Duration restatementDelay) {
        this.jdbc = jdbc;
        this.settleDelay = settleDelay;
        this.restatementDelay = restatementDelay;
    }

    /** Throws {@link BadInstanceException}, saying which instants near it are due, unless it is due. */
    public void require(SnapshotJobParameters instance) {
        Set<ZoneId> zones = ScheduledZones.forPlanning(jdbc).zones(); // the planner's zones
        Duration shift = switch (instance.phase()) {
            case FINAL -> settleDelay;
            case RESTATEMENT -> settleDelay.plus(restatementDelay);
            case CLOSE, NIGHTLY -> Duration.ZERO;
        };
        Instant midnight = instance.asOf().minus(shift);
        if (zones.stream().anyMatch(zone -> GoalEvaluator.isLocalMidnight(midnight, zone))) {
            return;
        }
        if (zones.isEmpty()) {
            throw BadInstanceException.notDue(instance, instance + " is not due: no organization is scheduled");
        }
        String nearby = nearbyMidnights(midnight, zones).stream().map(m -> m.plus(shift))
                .filter(SupportedTime::contains).map(Instant::toString).collect(Collectors.joining(", "));
        String names = zones.stream().map(DueInstants::name).sorted().collect(Collectors.joining(", "));
        String what = switch (instance.phase()) {
            case FINAL -> " is no final (" + format(settleDelay) + " after a local midnight) of a scheduled zone (";
            case RESTATEMENT -> " is no restatement (" + format(shift) + " after a local midnight) of a scheduled zone (";
            case CLOSE, NIGHTLY -> " is no local midnight of a scheduled zone (";
        };
        throw BadInstanceException.notDue(instance, instance.asOf() + what + names + "); nearby: " + nearby);
    }

    /** The schedules' zones, UTC once for all its spellings. */
    static Set<ZoneId> zones(List<String> timezones) {
        return new ScheduledZones(timezones).zones();
    }

    /** The last midnight of any zone before {@code instant} and the first after it. */
    static List<Instant> nearbyMidnights(Instant instant, Set<ZoneId> zones) {
        Optional<Instant> before = zones.stream()
                .map(zone -> instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant())
                .filter(m -> m.isBefore(instant)).max(Instant::compareTo);
        Optional<Instant> after = zones.stream()
                .map(zone -> instant.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant())
                .min(Instant::compareTo);
        List<Instant> nearby = new ArrayList<>();
        before.ifPresent(nearby::add);
        after.ifPresent(nearby::add);
        return nearby;
    }

    private static String name(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
