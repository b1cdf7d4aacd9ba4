package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Local midnights, remembered. Every goal of a zone asks for the same few dates (the day of a snapshot, the
 * day before it, the first days of its periods), and each answer is a walk through the zone's transition
 * rules with a handful of intermediate objects.
 */
final class LocalMidnights {

    private record ZoneDay(ZoneId zone, LocalDate day) {
    }

    private static final Remembered<ZoneDay, Instant> MIDNIGHTS =
            new Remembered<>(16_384, key -> key.day().atStartOfDay(key.zone()).toInstant());

    private LocalMidnights() {
    }

    /** Local 00:00 of {@code day} in {@code zone}; a midnight lost to a DST gap is the first instant after it. */
    static Instant of(LocalDate day, ZoneId zone) {
        return MIDNIGHTS.get(new ZoneDay(zone, day));
    }
}
