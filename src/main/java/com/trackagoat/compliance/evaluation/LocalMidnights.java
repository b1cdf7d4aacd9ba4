package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Local midnights, remembered per zone. Every goal of a zone asks for the same few dates (the day of a
 * snapshot, the day before it, the first days of its periods), and each answer is a walk through the zone's
 * transition rules with a handful of intermediate objects. Bounded: a zone forgets its dates once it holds
 * {@value #DATES_PER_ZONE} of them, which a job never reaches and a long-running process may.
 */
final class LocalMidnights {

    private static final int DATES_PER_ZONE = 512;

    private static final Map<ZoneId, Map<LocalDate, Instant>> MIDNIGHTS = new ConcurrentHashMap<>();

    private LocalMidnights() {
    }

    /** Local 00:00 of {@code day} in {@code zone}; a midnight lost to a DST gap is the first instant after it. */
    static Instant of(LocalDate day, ZoneId zone) {
        Map<LocalDate, Instant> dates = MIDNIGHTS.computeIfAbsent(zone, z -> new ConcurrentHashMap<>());
        Instant midnight = dates.get(day);
        if (midnight == null) {
            if (dates.size() >= DATES_PER_ZONE) {
                dates.clear();
            }
            midnight = day.atStartOfDay(zone).toInstant();
            dates.put(day, midnight);
        }
        return midnight;
    }
}
